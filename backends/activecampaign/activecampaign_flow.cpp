// One flow on ActiveCampaign: its DEPLOY.md section (create, start triggers
// with their conditions, the actions, the goal, then save, bind and enrol),
// its enrolment calls and its expected blocks.
#include "backends/activecampaign/activecampaign.h"

#include "backends/checklist/calls.h"
#include "backends/checklist/checklist_writer.h"
#include "backends/checklist/phrases.h"
#include "backends/checklist/policies.h"

namespace mac::backend::activecampaign {

using checklist::bold;
using checklist::code;

namespace {

std::string triggerText(BuildContext &ctx, const sema::Trigger &trigger) {
  using K = sema::TriggerKind;
  switch (trigger.kind) {
  case K::FormSubmitted:
    return "**Submits a form**: form " + code(trigger.text);
  case K::TagAdded:
    return "**Tag is added**: tag " +
           checklist::assetLabel(ctx, {sema::AssetKind::Tag, trigger.tag.value});
  case K::ListJoined:
    return "**Subscribes to a list**: list " +
           checklist::assetLabel(ctx, {sema::AssetKind::List, trigger.list.value});
  case K::FieldChanged:
    return "**Field changes**: field " + checklist::fieldLabel(ctx, trigger.field) +
           (trigger.value ? ", changes to " + code(checklist::valueText(*trigger.value))
                          : ", any change");
  case K::Event:
  case K::Schedule:
    break;
  }
  return "";
}

int writeTriggers(checklist::Markdown &md, BuildContext &ctx, const Words &words,
                  const sema::Flow &flow, const FlowPlan &plan, int n) {
  md.heading(4, "Start triggers");
  std::string runs = flow.reenrollAfterSeconds ? "**Runs: Multiple times**" : "**Runs: Once**";
  bool apiOnly = true;
  for (const sema::Trigger &trigger : flow.triggers) {
    if (trigger.kind == sema::TriggerKind::Event)
      continue;
    apiOnly = false;
    md.numbered(++n,
                "Click **Add a start trigger** → " + triggerText(ctx, trigger) + ". " + runs + ".");
  }
  for (const sema::Trigger &trigger : flow.triggers)
    if (trigger.kind == sema::TriggerKind::Event)
      md.numbered(++n, "Event " + code(trigger.text) + ": " +
                           (apiOnly ? "choose **Start without a trigger**; " : "") +
                           "your system adds the contact with the call in `flows/" + flow.name +
                           ".json` when the event happens.");
  std::vector<std::string> conditions = checklist::entryConditions(ctx, words, flow, plan, "the contact's **Status** is not **Unsubscribed**");
  if (!conditions.empty() && !apiOnly) {
    md.numbered(++n, "On every start trigger click **Add conditions** and add, all with **and**:");
    for (const std::string &condition : conditions)
      md.item(1, condition);
  } else if (!conditions.empty()) {
    md.numbered(++n, "Before the first action add an **If/Else** with these conditions (all with "
                     "**and**); on its **No** path add **End this automation**:");
    for (const std::string &condition : conditions)
      md.item(1, condition);
  }
  md.endList();
  return n;
}

} // namespace

void writeFlowSection(checklist::Markdown &md, BuildContext &ctx, const Words &words,
                      sema::FlowId id, const checklist::Tree &tree, const std::string &bound) {
  const sema::Flow &flow = ctx.program().flows[id.value];
  const FlowPlan &plan = *tree.plan;
  checklist::writeFlowHeading(md, ctx, flow, plan, "contact");
  md.heading(4, "Create the automation");
  int n = 0;
  md.numbered(++n, "Open **Automations** → **Create an automation** → **Start from scratch** → "
                   "**Continue**.");
  md.numbered(++n, "Click the automation's name at the top left and rename it to " +
                       code(ctx.displayName(flow)) + ".");
  n = writeTriggers(md, ctx, words, flow, plan, n);
  md.heading(4, "Actions");
  md.paragraph("Add these under the start triggers, top to bottom (the numbers are the order in "
               "the builder):");
  checklist::writeSteps(md, ctx, words, flow, tree);
  if (!plan.goals.empty()) {
    md.heading(4, "Goal");
    for (const Condition &goal : plan.goals)
      md.numbered(++n, "At the very end add a **Goal** action named " +
                           code(ctx.displayName(flow) + " · goal") +
                           ", conditions: " + checklist::conditionText(ctx, words, goal) +
                           "; **Jump to this goal from anywhere in the automation**; below it add "
                           "**End this automation**.");
    md.endList();
  }
  md.heading(4, "Turn it on and bind it");
  md.numbered(++n, "Click **Save**, then switch the automation to **Active**.");
  md.numbered(++n, "The automation id is the number at the end of the builder's URL "
                   "(`…/series/<id>`). Bound id: " +
                       code(bound) + "; if it differs, set `\"flow\": {\"" + flow.name +
                       "\": \"<id>\"}` in `bindings/activecampaign." +
                       std::string(ctx.environment().name()) + ".json` and build again.");
  md.numbered(++n, "Check: `GET /api/3/automations/" + bound + "/blocks` should match `flows/" +
                       flow.name + ".blocks.json`.");
  md.endList();
}

nlohmann::json enrolmentCalls(BuildContext &ctx, sema::FlowId id, const std::string &bound) {
  const sema::Flow &flow = ctx.program().flows[id.value];
  nlohmann::json body = {
      {"contactAutomation",
       {{"contact", checklist::placeholder("contactId")}, {"automation", bound}}}};
  return {
      {"flow", flow.name},
      {"automation", {{"id", bound}, {"name", ctx.displayName(flow)}}},
      {"enrol", checklist::apiCall("create-new-contactautomation", "POST",
                                   "/api/3/contactAutomations", body)},
      {"remove", checklist::apiCall("delete-a-contactautomation", "DELETE",
                                    "/api/3/contactAutomations/" +
                                        checklist::placeholder("contactAutomationId"))},
      {"readBack", checklist::apiCall("retrieve-automation-blocks", "GET",
                                      "/api/3/automations/" + bound + "/blocks")},
      {"parameters",
       {{"contactId", checklist::parameter("string", "the ActiveCampaign id of the contact")},
        {"contactAutomationId", checklist::parameter("string", "the id the enrol call returned "
                                                               "(contactAutomation.id)")}}},
  };
}

} // namespace mac::backend::activecampaign
