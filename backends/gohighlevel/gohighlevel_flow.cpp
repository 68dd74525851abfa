// One flow on GoHighLevel: its DEPLOY.md section (create, triggers,
// settings, the entry check, the actions, the goal workflow, then publish,
// bind and enrol) and its enrolment calls.
#include "backends/gohighlevel/gohighlevel.h"

#include "backends/checklist/calls.h"
#include "backends/checklist/checklist_writer.h"
#include "backends/checklist/phrases.h"
#include "backends/checklist/policies.h"

namespace mac::backend::gohighlevel {

using checklist::bold;
using checklist::code;

namespace {

constexpr std::string_view kApiVersion = "2021-07-28";

std::string triggerText(BuildContext &ctx, const sema::Trigger &trigger) {
  using K = sema::TriggerKind;
  switch (trigger.kind) {
  case K::FormSubmitted:
    return "**Form Submitted**, filter **Form** is " + code(trigger.text);
  case K::TagAdded:
    return "**Contact Tag**, filter **Tag Added** " +
           checklist::assetLabel(ctx, {sema::AssetKind::Tag, trigger.tag.value});
  case K::ListJoined:
    return "**Contact Tag**, filter **Tag Added** " +
           checklist::assetLabel(ctx, {sema::AssetKind::List, trigger.list.value}) +
           " (the list's tag)";
  case K::FieldChanged:
    return "**Contact Changed**, filter on field " + checklist::fieldLabel(ctx, trigger.field) +
           (trigger.value ? " with new value " + code(checklist::valueText(*trigger.value))
                          : " (any change)");
  case K::Event:
  case K::Schedule:
    break;
  }
  return "";
}

int writeTriggers(checklist::Markdown &md, BuildContext &ctx, const sema::Flow &flow, int n) {
  md.heading(4, "Triggers");
  bool apiOnly = true;
  for (const sema::Trigger &trigger : flow.triggers) {
    if (trigger.kind == sema::TriggerKind::Event)
      continue;
    apiOnly = false;
    md.numbered(++n, "Click **Add New Trigger** → " + triggerText(ctx, trigger) +
                         ". **Save "
                         "Trigger**.");
  }
  for (const sema::Trigger &trigger : flow.triggers)
    if (trigger.kind == sema::TriggerKind::Event)
      md.numbered(++n, "Event " + code(trigger.text) + ": " + (apiOnly ? "add no trigger; " : "") +
                           "your system adds the contact with the call in `flows/" + flow.name +
                           ".json` when the event happens.");
  md.endList();
  return n;
}

int writeSettings(checklist::Markdown &md, BuildContext &ctx, const Words &words,
                  const sema::Flow &flow, const FlowPlan &plan, int n) {
  md.heading(4, "Settings and entry");
  md.numbered(++n, "Open the workflow's **Settings** tab: **Allow Re-entry** " +
                       std::string(flow.reenrollAfterSeconds ? "**on**" : "**off**") +
                       "; **Time zone**: the contact's; **Save**.");
  if (std::optional<sema::Rate> rate = ctx.throttle(flow)) {
    auto [count, unit] = checklist::durationInUnit(rate->perSeconds);
    md.numbered(++n, "Back in **Builder**, first action: **Drip** with **Batch size** " +
                         code(std::to_string(rate->count)) + " and **Drip interval** " +
                         code(std::to_string(count) + " " + unit) + " (throttle " +
                         checklist::rateText(*rate) + ").");
  }
  std::vector<std::string> conditions = checklist::entryConditions(ctx, words, flow, plan, "**DND** (all channels) is off");
  if (!conditions.empty()) {
    md.numbered(++n, "Next action: **If/Else** with one branch named **Entry** whose conditions "
                     "all hold (**and**):");
    for (const std::string &condition : conditions)
      md.item(1, condition);
    md.item(1, "On its **None** branch add **Remove From Workflow** → **Current workflow**; "
               "build the actions below under **Entry**.");
  }
  md.endList();
  return n;
}

void writeGoal(checklist::Markdown &md, BuildContext &ctx, const Words &words,
               const sema::Flow &flow, const FlowPlan &plan, int &n) {
  if (plan.goals.empty())
    return;
  md.heading(4, "Goal");
  std::string goalName = ctx.displayName(flow) + " · goal";
  md.numbered(++n, "Create another workflow named " + code(goalName) +
                       " with trigger **Contact Changed** (no filter) and **Allow Re-entry** "
                       "on.");
  for (const Condition &goal : plan.goals)
    md.numbered(++n,
                "In it add **If/Else**, condition: " + checklist::conditionText(ctx, words, goal) +
                    "; on that branch add **Remove From Workflow** → " +
                    code(ctx.displayName(flow)) + ".");
  md.numbered(++n, "**Publish** " + code(goalName) + ".");
  md.endList();
}

} // namespace

void writeFlowSection(checklist::Markdown &md, BuildContext &ctx, const Words &words,
                      sema::FlowId id, const checklist::Tree &tree, const std::string &bound) {
  const sema::Flow &flow = ctx.program().flows[id.value];
  const FlowPlan &plan = *tree.plan;
  checklist::writeFlowHeading(md, ctx, flow, plan, "contact");
  md.heading(4, "Create the workflow");
  int n = 0;
  md.numbered(++n, "Open **Automation** → **Workflows** → **+ Create Workflow** → **Start from "
                   "Scratch**.");
  md.numbered(++n, "Click the name **New Workflow** at the top and rename it to " +
                       code(ctx.displayName(flow)) + ".");
  n = writeTriggers(md, ctx, flow, n);
  n = writeSettings(md, ctx, words, flow, plan, n);
  md.heading(4, "Actions");
  md.paragraph("Add these top to bottom (the numbers are the order in the builder):");
  checklist::writeSteps(md, ctx, words, flow, tree);
  writeGoal(md, ctx, words, flow, plan, n);
  md.heading(4, "Publish and bind");
  md.numbered(++n, "Switch the workflow from **Draft** to **Publish** and click **Save**.");
  md.numbered(++n, "The workflow id is the last part of the builder's URL (`…/workflow/<id>`). "
                   "Bound id: " +
                       code(bound) + "; if it differs, set `\"flow\": {\"" + flow.name +
                       "\": \"<id>\"}` in `bindings/gohighlevel." +
                       std::string(ctx.environment().name()) + ".json` and build again.");
  md.endList();
}

nlohmann::json enrolmentCalls(BuildContext &ctx, sema::FlowId id, const std::string &bound) {
  const sema::Flow &flow = ctx.program().flows[id.value];
  std::string path = "/contacts/" + checklist::placeholder("contactId") + "/workflow/" + bound;
  nlohmann::json headers = {{"Version", kApiVersion}};
  nlohmann::json enrol =
      checklist::apiCall("add-contact-to-workflow", "POST", path, nlohmann::json::object());
  enrol["headers"] = headers;
  nlohmann::json remove =
      checklist::apiCall("delete-contact-from-workflow", "DELETE", path, nlohmann::json::object());
  remove["headers"] = headers;
  return {{"flow", flow.name},
          {"workflow", {{"id", bound}, {"name", ctx.displayName(flow)}}},
          {"enrol", enrol},
          {"remove", remove},
          {"parameters",
           {{"contactId", checklist::parameter("string", "the GoHighLevel id of the contact")}}}};
}

} // namespace mac::backend::gohighlevel
