// The deploy plan of one flow (flows/<flow>.json): the Marketo REST calls
// that can be automated, each with operation, method, path and body as the
// official Swagger 2.0 specifications define them. `setup` runs once, before
// the editor checklist: create the program in a folder, its smart campaigns,
// its My Tokens. `release` runs after it, with the bound campaign id:
// activate the trigger campaigns. `enrol` is the request-campaign call your
// system makes per person for an event-triggered flow. Also the case-by-case
// approximation of `ends_with` (Marketo text filters have none).
#include "backends/marketo/marketo.h"

#include "backends/checklist/calls.h"

#include <set>

namespace mac::backend::marketo {

using checklist::apiCall;
using checklist::placeholder;
using nlohmann::json;

namespace {

bool hasTrigger(const sema::Flow &flow, sema::TriggerKind kind) {
  for (const sema::Trigger &trigger : flow.triggers)
    if (trigger.kind == kind)
      return true;
  return false;
}

json createCampaign(const std::string &name, const std::string &description) {
  return apiCall("createSmartCampaignUsingPOST", "POST", "/rest/asset/v1/smartCampaigns.json",
                 json{{"name", name},
                      {"description", description},
                      {"folder", {{"id", placeholder("programId")}, {"type", "Program"}}}});
}

json setupCalls(BuildContext &ctx, sema::FlowId id, const checklist::Tree &tree) {
  const sema::Flow &flow = ctx.program().flows[id.value];
  std::string display = ctx.displayName(flow);
  std::string about = "mac " + ctx.releaseTag() + " · " + flow.name;
  json calls = json::array();
  json program = apiCall("createProgramUsingPOST", "POST", "/rest/asset/v1/programs.json",
                         json{{"name", display},
                              {"description", about},
                              {"type", "Default"},
                              {"channel", "Operational"},
                              {"folder", {{"id", placeholder("folderId")}, {"type", "Folder"}}}});
  program["saves"] = {{"programId", "/result/0/id"}};
  calls.push_back(program);
  for (const Campaign &campaign : campaignsOf(tree, ctx.program())) {
    json call = createCampaign(display + campaign.suffix, about + campaign.suffix);
    if (campaign.suffix.empty())
      call["saves"] = {{"campaignId", "/result/0/id"}};
    else if (!campaign.items)
      call["saves"] = {{"goalCampaignId", "/result/0/id"}};
    calls.push_back(call);
  }
  for (const auto &[name, value] : programTokens(ctx, id))
    calls.push_back(apiCall(
        "addTokenTOFolderUsingPOST", "POST",
        "/rest/asset/v1/folder/" + placeholder("programId") + "/tokens.json",
        json{{"name", name}, {"type", "text"}, {"value", value}, {"folderType", "Program"}}));
  return calls;
}

json activate(const std::string &campaign) {
  return apiCall("activateSmartCampaignUsingPOST", "POST",
                 "/rest/asset/v1/smartCampaign/" + campaign + "/activate.json");
}

json parameters(const sema::Flow &flow, bool goal) {
  json out = {
      {"folderId", checklist::parameter("integer", "the Marketing Activities folder that holds "
                                                   "this environment's programs")},
      {"programId", checklist::parameter("integer", "the program id create-program returned "
                                                    "(saved from /result/0/id)")},
      {"campaignId", checklist::parameter("integer", "the main campaign's id its create call "
                                                     "returned: bind it as the flow's id")},
  };
  if (goal)
    out["goalCampaignId"] = checklist::parameter(
        "integer", "the goal campaign's id its create call returned (or from its URL)");
  if (hasTrigger(flow, sema::TriggerKind::Event))
    out["leadId"] = checklist::parameter("integer", "the Marketo id of the person to enrol");
  return out;
}

} // namespace

json deployPlan(BuildContext &ctx, sema::FlowId id, const checklist::Tree &tree,
                const std::string &bound) {
  const sema::Flow &flow = ctx.program().flows[id.value];
  bool goal = !tree.plan->goals.empty();
  json release = json::array();
  bool batchOnly = flow.triggers.size() == 1 && hasTrigger(flow, sema::TriggerKind::Schedule);
  if (!batchOnly)
    release.push_back(activate(bound));
  if (goal)
    release.push_back(activate(placeholder("goalCampaignId")));
  json plan = {{"flow", flow.name},
               {"program", ctx.displayName(flow)},
               {"campaign", {{"id", bound}, {"name", ctx.displayName(flow)}}},
               {"parameters", parameters(flow, goal)},
               {"setup", setupCalls(ctx, id, tree)},
               {"release", std::move(release)}};
  if (hasTrigger(flow, sema::TriggerKind::Event))
    plan["enrol"] =
        apiCall("triggerCampaignUsingPOST", "POST", "/rest/v1/campaigns/" + bound + "/trigger.json",
                json{{"input", {{"leads", {{{"id", placeholder("leadId")}}}}}}});
  return plan;
}

namespace {

void endsWithLeaves(const sema::Program &program, sema::CondId id, std::set<uint32_t> &out) {
  const sema::Cond &cond = program.cond(id);
  if (cond.kind == sema::CondKind::EndsWith)
    out.insert(id.value);
  for (sema::CondId child : cond.children)
    endsWithLeaves(program, child, out);
}

void endsWithLeaves(const sema::Program &program, const Condition &condition,
                    std::set<uint32_t> &out) {
  if (condition.op == Condition::Op::Leaf)
    endsWithLeaves(program, condition.leaf, out);
  for (const Condition &operand : condition.operands)
    endsWithLeaves(program, operand, out);
}

} // namespace

void reportEndsWith(BuildContext &ctx) {
  const sema::Program &program = ctx.program();
  std::set<uint32_t> leaves;
  for (const sema::Segment &segment : program.segments)
    if (segment.where.isValid())
      endsWithLeaves(program, segment.where, leaves);
  for (uint32_t i = 0; i < program.flows.size(); ++i) {
    const FlowPlan &plan = ctx.plan(sema::FlowId{i});
    for (const PlanNode &node : plan.nodes)
      if (node.kind == PlanNode::Kind::Branch)
        endsWithLeaves(program, node.condition, leaves);
    for (const Condition &condition : plan.enrolmentFilters)
      endsWithLeaves(program, condition, leaves);
    for (const Condition &condition : plan.goals)
      endsWithLeaves(program, condition, leaves);
  }
  for (uint32_t leaf : leaves)
    ctx.approximated(program.conds[leaf].range, Construct::CondText,
                     "Marketo text filters have no `ends with`: built as `contains`, which "
                     "also matches the text elsewhere in the value");
}

} // namespace mac::backend::marketo
