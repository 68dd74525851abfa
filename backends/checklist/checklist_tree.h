// The flow plan as a person builds it in a visual editor: a numbered
// sequence of steps where each two-way branch holds its Yes and No paths,
// and the steps after it (where the paths meet again) follow it in the outer
// sequence. A path that reaches that meeting point ends with a Continue item
// naming the step it goes on with; a path cut short by `stop` ends with End.
// Steps are numbered in reading order (the order the checklist lists them).
#pragma once

#include "backends/flow_plan.h"

#include <vector>

namespace mac::backend::checklist {

struct Item {
  enum class Kind : uint8_t { Step, Branch, End, Continue };
  Kind kind = Kind::Step;
  NodeIndex node = kEnd;     ///< Step, Branch: the plan node; Continue: the node it goes on with
  int number = 0;            ///< Step, Branch: the step number; Continue: the target's number
  std::vector<Item> yes, no; ///< Branch: the two paths
};

struct Tree {
  const FlowPlan *plan = nullptr;
  std::vector<Item> items; ///< the top-level sequence
  int steps = 0;           ///< how many numbers were given
};

/// The structured form of `plan` (see the file comment).
Tree buildTree(const FlowPlan &plan);

} // namespace mac::backend::checklist
