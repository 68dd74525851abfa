// What differs between the build checklists of the editor-only platforms
// (Marketo, ActiveCampaign, GoHighLevel): the words of each editor. A
// backend implements Vocabulary; the shared writer (checklist_writer.h)
// numbers the steps, nests the paths and lays out DEPLOY.md.
#pragma once

#include "backends/build_context.h"

#include <string>
#include <vector>

namespace mac::backend::checklist {

/// One action to add in the editor: what to click, then the values to enter.
struct StepText {
  StepText(std::string action, std::vector<std::string> settings = {})
      : action(std::move(action)), settings(std::move(settings)) {}
  std::string action;                ///< "Add the **Wait** action"
  std::vector<std::string> settings; ///< "Wait for: **2 days**"
};

/// The names one editor gives its comparison operators.
struct Operators {
  std::string eq, ne, lt, le, gt, ge;
  std::string contains, notContains, startsWith, notStartsWith, endsWith, notEndsWith;
  std::string isEmpty, isNotEmpty;
  std::string inValues, notInValues;
};

class Vocabulary {
public:
  virtual ~Vocabulary() = default;
  /// The product name ("ActiveCampaign").
  virtual std::string_view platform() const = 0;
  /// The editor's comparison operators.
  virtual const Operators &operators() const = 0;
  /// A condition leaf (a Leaf or an Audience condition) as the editor's
  /// condition builder reads, negated when asked.
  virtual std::string leaf(BuildContext &ctx, const Condition &leaf, bool negated) const = 0;
  /// The action a plan step of `flow` becomes.
  virtual StepText step(BuildContext &ctx, const sema::Flow &flow, const PlanNode &node) const = 0;
  /// The action a branch becomes, given its condition already in words.
  virtual std::string branch(const std::string &condition) const = 0;
  /// The action that ends a path cut short by `stop`.
  virtual std::string end() const = 0;
  /// What a path that goes on with step `number` ends with.
  virtual std::string continueAt(int number) const = 0;
  /// The editor's word for an asset kind ("Tag", "Static list").
  virtual std::string assetKind(sema::AssetKind kind) const = 0;
};

} // namespace mac::backend::checklist
