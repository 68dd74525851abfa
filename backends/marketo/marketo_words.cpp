// Marketo's editor words: smart-list filters and choices for condition
// leaves (tags are static lists of the same name), and flow steps with their
// values for each step of a flow plan.
#include "backends/marketo/marketo.h"

#include "analyzer/program_queries.h"
#include "backends/checklist/markdown.h"
#include "backends/checklist/phrases.h"
#include "backends/checklist/policies.h"

namespace mac::backend::marketo {

using checklist::assetLabel;
using checklist::bold;
using checklist::code;
using checklist::fieldLabel;
using checklist::StepText;

const checklist::Operators &Words::operators() const {
  // Marketo has no "ends with": `contains` is the closest (reported as MAC7002).
  static const checklist::Operators ops{
      "is",       "is not",       "less than",   "at most",         "greater than", "at least",
      "contains", "not contains", "starts with", "not starts with", "contains",     "not contains",
      "is empty", "is not empty", "is",          "is not"};
  return ops;
}

std::string Words::leaf(BuildContext &ctx, const Condition &leaf, bool negated) const {
  std::string in = negated ? " not in " : " in ";
  if (std::optional<sema::AssetRef> asset = checklist::membershipOf(ctx, leaf))
    return (asset->kind == sema::AssetKind::List ? "**Member of List**"
                                                 : "**Member of Smart List**") +
           in + assetLabel(ctx, *asset);
  const sema::Cond &cond = ctx.program().cond(leaf.leaf);
  using K = sema::CondKind;
  switch (cond.kind) {
  case K::HasTag:
    return "**Member of List**" + in + assetLabel(ctx, {sema::AssetKind::Tag, cond.tag.value}) +
           " (the tag's list)";
  default:
    return checklist::fieldLeaf(ctx, operators(), cond, negated);
  }
}

std::string Words::branch(const std::string &condition) const {
  return "flow step **Execute Campaign** with a choice: if " + condition;
}

std::string Words::end() const {
  return "flow step **Remove from Flow**: **Campaigns**: every campaign of this flow (listed "
         "under the flow's heading).";
}

std::string Words::continueAt(int) const { return ""; }

std::string Words::assetKind(sema::AssetKind kind) const {
  using K = sema::AssetKind;
  switch (kind) {
  case K::Field:
    return "Person field";
  case K::Tag:
    return "Static list (stands for a tag)";
  case K::List:
    return "Static list";
  case K::Segment:
    return "Smart list";
  case K::Email:
    return "Email";
  case K::Sms:
    return "SMS message (LaunchPoint service)";
  case K::Push:
    return "Push notification";
  case K::Webhook:
    return "Webhook";
  default:
    return std::string(sema::assetKindName(kind));
  }
}

namespace {

StepText send(BuildContext &ctx, const sema::Flow &flow, const sema::Stmt &stmt) {
  sema::Channel channel = *analyzer::sendChannel(stmt);
  StepText text{channel == sema::Channel::Email
                    ? "flow step **Send Email**: **Email** " + assetLabel(ctx, stmt.target) + "."
                : channel == sema::Channel::Sms
                    ? "flow step **Send SMS** of your SMS LaunchPoint service: message " +
                          assetLabel(ctx, stmt.target) + "."
                    : "flow step **Send Push Notification**: " + assetLabel(ctx, stmt.target) +
                          "."};
  checklist::FlowPolicies policies = checklist::flowPolicies(ctx, flow);
  if (const sema::PolicyRule *quiet = checklist::quietHoursFor(policies, channel))
    text.settings.push_back("Quiet hours (" + checklist::clockText(quiet->startMinute) + "–" +
                            checklist::clockText(quiet->endMinute) +
                            "): directly before it add flow step **Wait** "
                            "→ **Advanced Wait**: until next **Day** at " +
                            code(checklist::clockText(quiet->endMinute)) +
                            " (subscription time zone).");
  if (const sema::Consent *consent = checklist::consentToCheck(ctx, policies, channel, stmt))
    text.settings.push_back("Policy requires consent: give this step the choice **If** " +
                            fieldLabel(ctx, consent->field) +
                            " is `true`, **Default**: **Do Nothing**, unless a choice above "
                            "already checks it.");
  return text;
}

StepText emitEvent(BuildContext &ctx, const sema::Stmt &stmt) {
  return checklist::emitEventStep(ctx, stmt, "Marketo",
                                  "flow step **Request Campaign** (source **Web Service API**)",
                                  "Campaign");
}

StepText waitStep(const sema::Stmt &stmt) {
  std::string seconds = checklist::durationText(stmt.value.seconds);
  switch (stmt.kind) {
  case sema::StmtKind::Wait:
    return {"flow step **Wait**: **Wait Duration** " + bold(seconds) + "."};
  case sema::StmtKind::WaitUntil:
    return {"flow step **Wait** → **Advanced Wait**: until next **Day** at " +
            code(checklist::clockText(stmt.value.seconds)) + " (subscription time zone)."};
  default:
    return {"flow step **Wait**: **Wait Duration** " + bold(seconds) +
            " (the timeout of waiting for event " + code(stmt.text) +
            "; Marketo cannot end the wait on it)."};
  }
}

} // namespace

StepText Words::step(BuildContext &ctx, const sema::Flow &flow, const PlanNode &node) const {
  const sema::Stmt &stmt = ctx.program().stmt(node.stmt);
  using K = sema::StmtKind;
  switch (stmt.kind) {
  case K::Send:
    return send(ctx, flow, stmt);
  case K::Set:
    return {"flow step **Change Data Value**: **Attribute** " + fieldLabel(ctx, stmt.field) +
            ", **New Value** " + code(checklist::valueText(stmt.value)) + "."};
  case K::Increment:
    return {"flow step **Change Score**: **Score Name** " + fieldLabel(ctx, stmt.field) +
            ", **Change** " + code("+" + stmt.value.text) + "."};
  case K::Wait:
  case K::WaitUntil:
  case K::WaitEvent:
    return waitStep(stmt);
  case K::Call:
    return {"flow step **Call Webhook**: **Webhook** " + assetLabel(ctx, stmt.target) + "."};
  case K::AssignOwner:
    return {"flow step **Change Owner** with one **Random Sample** choice per member of team " +
            code(stmt.message.value) + " (each choice: **New Owner** = that member)."};
  case K::AddTag:
    return {"flow step **Add to List**: **List** " + assetLabel(ctx, stmt.target) +
            " (the tag's list)."};
  case K::RemoveTag:
    return {"flow step **Remove from List**: **List** " + assetLabel(ctx, stmt.target) +
            " (the tag's list)."};
  case K::AddToList:
    return {"flow step **Add to List**: **List** " + assetLabel(ctx, stmt.target) + "."};
  case K::RemoveFromList:
    return {"flow step **Remove from List**: **List** " + assetLabel(ctx, stmt.target) + "."};
  case K::Notify:
    return {"flow step **Send Alert**: **Send To** the address that posts into " + code(stmt.text) +
                ".",
            {"Alert text: " + code(stmt.message.value) +
             " (write each `{{field}}` as Marketo's `{{lead.<field>}}` token)."}};
  case K::Emit:
    return emitEvent(ctx, stmt);
  case K::Stop:
    return {end()};
  case K::If:
    break;
  }
  return {"(no flow step)"};
}

} // namespace mac::backend::marketo
