// The GoHighLevel backend's parts. GoHighLevel has no API to create a
// workflow (only to list them and to add or remove a contact), so the
// backend writes the build checklist (DEPLOY.md) and the enrolment calls.
#pragma once

#include "backends/checklist/checklist_tree.h"
#include "backends/checklist/markdown.h"
#include "backends/checklist/vocabulary.h"

#include <nlohmann/json.hpp>

namespace mac::backend::gohighlevel {

/// The workflow builder's words.
class Words final : public checklist::Vocabulary {
public:
  std::string_view platform() const override { return "GoHighLevel"; }
  const checklist::Operators &operators() const override;
  std::string leaf(BuildContext &ctx, const Condition &leaf, bool negated) const override;
  checklist::StepText step(BuildContext &ctx, const sema::Flow &flow,
                           const PlanNode &node) const override;
  std::string branch(const std::string &condition) const override;
  std::string end() const override;
  std::string continueAt(int number) const override;
  std::string assetKind(sema::AssetKind kind) const override;
};

/// What GoHighLevel does with each construct.
const Capabilities &capabilities();

/// The DEPLOY.md section of one flow (bound workflow id `id`).
void writeFlowSection(checklist::Markdown &md, BuildContext &ctx, const Words &words,
                      sema::FlowId flow, const checklist::Tree &tree, const std::string &id);

/// flows/<flow>.json: the enrolment and removal calls for workflow `id`.
nlohmann::json enrolmentCalls(BuildContext &ctx, sema::FlowId flow, const std::string &id);

} // namespace mac::backend::gohighlevel
