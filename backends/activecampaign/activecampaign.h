// The ActiveCampaign backend's parts. ActiveCampaign has no API to create an
// automation, so the backend writes the build checklist (DEPLOY.md), the
// enrolment calls (`contactAutomations`) and the blocks that
// `GET /automations/{id}/blocks` should return once the automation is built,
// for a later drift check.
#pragma once

#include "backends/checklist/checklist_tree.h"
#include "backends/checklist/markdown.h"
#include "backends/checklist/vocabulary.h"

#include <nlohmann/json.hpp>

namespace mac::backend::activecampaign {

/// The automation builder's words.
class Words final : public checklist::Vocabulary {
public:
  std::string_view platform() const override { return "ActiveCampaign"; }
  const checklist::Operators &operators() const override;
  std::string leaf(BuildContext &ctx, const Condition &leaf, bool negated) const override;
  checklist::StepText step(BuildContext &ctx, const sema::Flow &flow,
                           const PlanNode &node) const override;
  std::string branch(const std::string &condition) const override;
  std::string end() const override;
  std::string continueAt(int number) const override;
  std::string assetKind(sema::AssetKind kind) const override;
};

/// What ActiveCampaign does with each construct.
const Capabilities &capabilities();

/// The DEPLOY.md section of one flow (bound automation id `id`).
void writeFlowSection(checklist::Markdown &md, BuildContext &ctx, const Words &words,
                      sema::FlowId flow, const checklist::Tree &tree, const std::string &id);

/// flows/<flow>.json: the enrolment and removal calls for automation `id`.
nlohmann::json enrolmentCalls(BuildContext &ctx, sema::FlowId flow, const std::string &id);

/// flows/<flow>.blocks.json: the expected read-back of the built automation.
nlohmann::json expectedBlocks(BuildContext &ctx, const Words &words, sema::FlowId flow,
                              const checklist::Tree &tree, const std::string &id);

} // namespace mac::backend::activecampaign
