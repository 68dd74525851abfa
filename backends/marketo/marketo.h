// The Marketo backend's parts. Marketo's REST API can create a program and
// empty smart campaigns, set program tokens (My Tokens), activate and
// request (trigger) a campaign; smart-list rules and flow steps can only be
// entered in the editor. So each flow becomes a program with a main smart
// campaign, one executable campaign per branch path that needs its own flow
// (the parent goes on after it) and a goal campaign; the backend writes the
// API calls (flows/<flow>.json) and the editor checklist (DEPLOY.md).
#pragma once

#include "backends/checklist/checklist_tree.h"
#include "backends/checklist/markdown.h"
#include "backends/checklist/vocabulary.h"

#include <nlohmann/json.hpp>

namespace mac::backend::marketo {

/// The smart-list and flow-step words of Marketo's editor.
class Words final : public checklist::Vocabulary {
public:
  std::string_view platform() const override { return "Marketo"; }
  const checklist::Operators &operators() const override;
  std::string leaf(BuildContext &ctx, const Condition &leaf, bool negated) const override;
  checklist::StepText step(BuildContext &ctx, const sema::Flow &flow,
                           const PlanNode &node) const override;
  std::string branch(const std::string &condition) const override;
  std::string end() const override;
  std::string continueAt(int number) const override;
  std::string assetKind(sema::AssetKind kind) const override;
};

/// One smart campaign a flow needs.
struct Campaign {
  std::string suffix;                        ///< "" (main), " · 1 no · 2 yes", " · goal"
  const std::vector<checklist::Item> *items; ///< its flow steps; null for the goal campaign
  bool executable = false;                   ///< run by Execute Campaign from its parent
  const checklist::Item *branch = nullptr;   ///< executable: the branch it is a path of
  bool yes = false;                          ///< executable: the Yes path (else the No path)
};

/// What Marketo does with each construct.
const Capabilities &capabilities();

/// The campaigns of one flow: main first, then one per branch path that needs
/// its own flow, named after the path from the main campaign (" · 1 no · 2
/// yes": the Yes path of step 2 of the No path of step 1), then the goal
/// campaign when there is a goal.
std::vector<Campaign> campaignsOf(const checklist::Tree &tree, const sema::Program &program);

/// True when the branch `item` is built as one flow step with a choice.
bool isInlineChoice(const checklist::Item &item, const FlowPlan &plan,
                    const sema::Program &program);

/// Writes the numbered flow steps of one campaign; returns the smart lists its
/// choices need ({name, rules in words}).
std::vector<std::pair<std::string, std::string>>
writeCampaignSteps(checklist::Markdown &md, BuildContext &ctx, const Words &words,
                   const sema::Flow &flow, const FlowPlan &plan,
                   const std::vector<Campaign> &campaigns, const Campaign &campaign);

/// The DEPLOY.md section of one flow.
void writeFlowSection(checklist::Markdown &md, BuildContext &ctx, const Words &words,
                      sema::FlowId flow, const checklist::Tree &tree, const std::string &id);

/// flows/<flow>.json: the deploy plan of API calls for one flow.
nlohmann::json deployPlan(BuildContext &ctx, sema::FlowId flow, const checklist::Tree &tree,
                          const std::string &id);

/// The program tokens (My Tokens) of one flow: {name, value}, in order.
std::vector<std::pair<std::string, std::string>> programTokens(BuildContext &ctx,
                                                               sema::FlowId flow);

/// Reports MAC7002 for every `ends_with` a Marketo filter has to build as `contains`.
void reportEndsWith(BuildContext &ctx);

} // namespace mac::backend::marketo
