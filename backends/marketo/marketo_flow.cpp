// One flow on Marketo: its DEPLOY.md section (program, campaigns and tokens;
// the main campaign's smart list; the flow of every campaign; the smart
// lists for choices; the goal campaign; schedule, activation and binding)
// and its program tokens.
#include "backends/marketo/marketo.h"

#include "backends/checklist/checklist_writer.h"
#include "backends/checklist/phrases.h"
#include "backends/checklist/policies.h"

#include <set>

namespace mac::backend::marketo {

using checklist::bold;
using checklist::code;

namespace {

bool hasTrigger(const sema::Flow &flow, sema::TriggerKind kind) {
  for (const sema::Trigger &trigger : flow.triggers)
    if (trigger.kind == kind)
      return true;
  return false;
}

std::string triggerText(BuildContext &ctx, const sema::Trigger &trigger) {
  using K = sema::TriggerKind;
  switch (trigger.kind) {
  case K::FormSubmitted:
    return "**Fills Out Form**: **Form Name** is " + code(trigger.text);
  case K::TagAdded:
    return "**Added to List**: **List** is " +
           checklist::assetLabel(ctx, {sema::AssetKind::Tag, trigger.tag.value}) +
           " (the tag's list)";
  case K::ListJoined:
    return "**Added to List**: **List** is " +
           checklist::assetLabel(ctx, {sema::AssetKind::List, trigger.list.value});
  case K::FieldChanged:
    return "**Data Value Changes**: **Attribute** is " + checklist::fieldLabel(ctx, trigger.field) +
           (trigger.value ? "; **Add Constraint** → **New Value** is " +
                                code(checklist::valueText(*trigger.value))
                          : "");
  case K::Event:
    return "**Campaign is Requested**: **Source** is **Web Service API**";
  case K::Schedule:
    break;
  }
  return "";
}

int writeSmartList(checklist::Markdown &md, BuildContext &ctx, const Words &words,
                   const sema::Flow &flow, const FlowPlan &plan, int n) {
  md.heading(4, "Smart List of " + code(ctx.displayName(flow)));
  bool triggers = false;
  for (const sema::Trigger &trigger : flow.triggers)
    if (trigger.kind != sema::TriggerKind::Schedule) {
      md.numbered(++n, "Drag in the trigger " + triggerText(ctx, trigger) + ".");
      triggers = true;
    }
  if (!triggers)
    md.numbered(++n, "No triggers: this is a batch campaign that runs on its schedule (below) "
                     "for everyone the filters let through.");
  std::vector<std::string> filters;
  for (const Condition &filter : plan.enrolmentFilters)
    filters.push_back(checklist::conditionText(ctx, words, filter));
  checklist::FlowPolicies policies = checklist::flowPolicies(ctx, flow);
  if (policies.suppressUnsubscribed)
    filters.push_back("**Unsubscribed** is **False**");
  for (sema::AssetRef asset : policies.suppressed)
    filters.push_back(words.leaf(ctx, checklist::audience(asset), /*negated=*/true));
  for (const std::string &filter : filters)
    md.numbered(++n, "Drag in the filter: " + filter +
                         (filter.find("**or**") != std::string::npos
                              ? " (enter the **or** with **Advanced Filters**)"
                              : "") +
                         ".");
  if (filters.size() > 1)
    md.numbered(++n, "Filter logic: **Use all filters**.");
  md.endList();
  return n;
}

int writeSetup(checklist::Markdown &md, BuildContext &ctx, const sema::Flow &flow, sema::FlowId id,
               const std::vector<Campaign> &campaigns, int n) {
  std::string display = ctx.displayName(flow);
  md.heading(4, "Program, campaigns and tokens");
  md.numbered(++n, "Run the `setup` calls of `flows/" + flow.name +
                       ".json` in order, `folderId` being the Marketing Activities folder of "
                       "this environment's programs. By hand instead: **Marketing Activities** → "
                       "right-click the folder → **New Program**: **Name** " +
                       code(display) +
                       ", **Program Type** **Default**, **Channel** "
                       "**Operational**; then right-click the program → **New "
                       "Smart Campaign** once per campaign:");
  for (const Campaign &campaign : campaigns)
    md.item(1, code(display + campaign.suffix) +
                   (campaign.executable ? " (executable: in its **Schedule** tab → **Smart "
                                          "Campaign Settings** → **Edit**, check **Executable**)"
                                        : ""));
  md.numbered(++n, "Program **My Tokens** (the setup calls add them; by hand: drag in a **Text** "
                   "token for each):");
  for (const auto &[name, value] : programTokens(ctx, id))
    md.item(1, code("{{my." + name + "}}") + " = " + code(value));
  md.endList();
  return n;
}

void writeSchedule(checklist::Markdown &md, BuildContext &ctx, const sema::Flow &flow,
                   const std::string &bound, bool hasGoal, int n) {
  std::string display = ctx.displayName(flow);
  md.heading(4, "Schedule, activate and bind");
  std::string rule = flow.reenrollAfterSeconds
                         ? "**once every** " + checklist::durationText(*flow.reenrollAfterSeconds)
                         : std::string("**only once**");
  md.numbered(++n, "In " + code(display) +
                       ", **Schedule** tab → **Qualification Rules**: each "
                       "person can run through the flow " +
                       rule + ".");
  for (const sema::Trigger &trigger : flow.triggers)
    if (trigger.kind == sema::TriggerKind::Schedule)
      md.numbered(++n, "**Schedule Recurrence**: **Every Day**, at " +
                           code(checklist::clockText(trigger.value->seconds)) +
                           " (subscription time zone).");
  md.numbered(++n, "The campaign id is the number in the editor's URL after `#SC` (`…#SC<id>A1`). "
                   "Bound id: " +
                       code(bound) + "; if it differs, set `\"flow\": {\"" + flow.name +
                       "\": \"<id>\"}` in `bindings/marketo." +
                       std::string(ctx.environment().name()) + ".json` and build again.");
  if (!hasTrigger(flow, sema::TriggerKind::Schedule) || flow.triggers.size() > 1)
    md.numbered(++n, "Run the `release` calls of `flows/" + flow.name + ".json` (they activate " +
                         code(display) + (hasGoal ? " and its goal campaign" : "") +
                         "), or click **Activate** in each campaign's **Schedule** tab.");
  if (hasTrigger(flow, sema::TriggerKind::Event))
    md.numbered(++n, "Your system requests the campaign for each person with the `enrol` call "
                     "of `flows/" +
                         flow.name + ".json` when the event happens.");
  md.endList();
}

void writeGoal(checklist::Markdown &md, BuildContext &ctx, const Words &words,
               const sema::Flow &flow, const FlowPlan &plan) {
  std::string name = ctx.displayName(flow) + " · goal";
  md.heading(4, "Goal campaign " + code(name));
  std::set<uint32_t> fields;
  for (const Condition &goal : plan.goals)
    if (std::optional<Dnf> dnf = toDnf(goal))
      for (const auto &clause : *dnf)
        for (const Literal &literal : clause)
          if (literal.leaf->op == Condition::Op::Leaf &&
              ctx.program().cond(literal.leaf->leaf).field.isValid())
            fields.insert(ctx.program().cond(literal.leaf->leaf).field.value);
  for (uint32_t field : fields)
    md.item(0, "Smart List trigger **Data Value Changes**: **Attribute** is " +
                   checklist::fieldLabel(ctx, sema::FieldId{field}) + ".");
  for (const Condition &goal : plan.goals)
    md.item(0, "Smart List filter: " + checklist::conditionText(ctx, words, goal) + ".");
  md.item(0, "Flow: " + words.end());
  md.item(0, "**Schedule** tab → **Qualification Rules**: **every time**.");
  md.endList();
}

} // namespace

void writeFlowSection(checklist::Markdown &md, BuildContext &ctx, const Words &words,
                      sema::FlowId id, const checklist::Tree &tree, const std::string &bound) {
  const sema::Flow &flow = ctx.program().flows[id.value];
  const FlowPlan &plan = *tree.plan;
  std::vector<Campaign> campaigns = campaignsOf(tree, ctx.program());
  checklist::writeFlowHeading(md, ctx, flow, plan, "person");
  int n = writeSetup(md, ctx, flow, id, campaigns, 0);
  n = writeSmartList(md, ctx, words, flow, plan, n);
  std::vector<std::pair<std::string, std::string>> lists;
  for (const Campaign &campaign : campaigns) {
    if (!campaign.items)
      continue;
    md.heading(4, "Flow of " + code(ctx.displayName(flow) + campaign.suffix));
    auto more = writeCampaignSteps(md, ctx, words, flow, plan, campaigns, campaign);
    lists.insert(lists.end(), more.begin(), more.end());
  }
  if (!lists.empty()) {
    md.heading(4, "Smart lists the choices use");
    md.paragraph("Create each in the program (right-click → **New Smart List**) with these "
                 "filters (**or** through **Advanced Filters**):");
    for (const auto &[name, rules] : lists)
      md.item(0, code(name) + ": " + rules + ".");
    md.endList();
  }
  if (!plan.goals.empty())
    writeGoal(md, ctx, words, flow, plan);
  writeSchedule(md, ctx, flow, bound, !plan.goals.empty(), n);
}

std::vector<std::pair<std::string, std::string>> programTokens(BuildContext &ctx, sema::FlowId id) {
  const sema::Flow &flow = ctx.program().flows[id.value];
  std::vector<std::pair<std::string, std::string>> tokens = {
      {"flow_name", ctx.displayName(flow)},
      {"release", ctx.releaseTag()},
      {"environment", std::string(ctx.environment().name())}};
  std::set<uint32_t> webhooks;
  for (const PlanNode &node : ctx.plan(id).nodes)
    if (node.kind == PlanNode::Kind::Step &&
        ctx.program().stmt(node.stmt).kind == sema::StmtKind::Call)
      webhooks.insert(ctx.program().stmt(node.stmt).target.index);
  for (uint32_t hook : webhooks)
    tokens.push_back(
        {ctx.program().webhooks[hook].name + "_url", ctx.webhookUrl(sema::WebhookId{hook})});
  return tokens;
}

} // namespace mac::backend::marketo
