// Path facts for every flow (the per-flow control-flow analysis). A flow body
// is structured (sequences, if/else if/else, stop), so its control-flow graph
// is the statement tree; a forward analysis walks it carrying a small set of
// path states, each recording what is known about the contact on those paths
// (field values, tags, lists, segments, flags, consent per channel, what was
// sent since the last wait). Entry states come from each trigger, every
// `require`, and the negation of every `goal`.
//
// Checks read the findings (unreachable steps, contradictory and redundant
// conditions, goal met at entry, duplicate sends, consent per send) and the
// trigger graph asks whether an action can really change the contact.
#pragma once

#include "analyzer/check.h"

#include <vector>

namespace mac::analyzer {

class FlowPaths : public Analysis {
public:
  static std::unique_ptr<FlowPaths> compute(CheckContext &ctx);

  /// False when no path reaches the statement.
  bool reachable(sema::StmtId stmt) const;
  /// False when, on every path reaching this action, it changes nothing:
  /// adding a tag the contact already has, joining a list it is in, setting
  /// a field to the value it already holds. Events always fire.
  bool changeCanBeReal(sema::StmtId stmt) const;
  /// True when some contact can enter flow `a` through its trigger `triggerA`
  /// and flow `b` through its trigger `triggerB` at once (their trigger facts
  /// and `require` filters are compatible).
  bool entriesCanOverlap(sema::FlowId a, size_t triggerA, sema::FlowId b, size_t triggerB) const;

  // (the findings for the reachability, messaging and consent checks follow)

private:
  std::vector<uint8_t> stmtFlags_; ///< per StmtId: reachable, change-can-be-real
  friend class FlowPathsBuilder;
};

} // namespace mac::analyzer
