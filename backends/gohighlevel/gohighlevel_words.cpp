// The workflow builder's words: condition leaves, actions and the settings
// to enter for each step of a flow plan. Lists are contact tags named after
// the list (GoHighLevel has no static lists).
#include "backends/gohighlevel/gohighlevel.h"

#include "analyzer/program_queries.h"
#include "backends/checklist/markdown.h"
#include "backends/checklist/phrases.h"
#include "backends/checklist/policies.h"

namespace mac::backend::gohighlevel {

using checklist::assetLabel;
using checklist::bold;
using checklist::code;
using checklist::fieldLabel;
using checklist::StepText;

const checklist::Operators &Words::operators() const {
  static const checklist::Operators ops{"is",
                                        "is not",
                                        "is less than",
                                        "is less than or equal to",
                                        "is greater than",
                                        "is greater than or equal to",
                                        "contains",
                                        "does not contain",
                                        "starts with",
                                        "does not start with",
                                        "ends with",
                                        "does not end with",
                                        "is empty",
                                        "is not empty",
                                        "is any of",
                                        "is none of"};
  return ops;
}

namespace {

std::string tagLeaf(BuildContext &ctx, sema::AssetRef tagOrList, bool negated) {
  return std::string("**Contact Tag** ") + (negated ? "does not include " : "includes ") +
         assetLabel(ctx, tagOrList) + (tagOrList.kind == sema::AssetKind::List ? " (list)" : "");
}

std::string audienceLeaf(BuildContext &ctx, const Words &words, sema::AssetRef asset,
                         bool negated) {
  if (asset.kind == sema::AssetKind::List)
    return tagLeaf(ctx, asset, negated);
  std::string rules = checklist::segmentRules(ctx, words, sema::SegmentId{asset.index});
  return std::string(negated ? "**not** " : "") + "(" + rules + ") — the rules of segment " +
         assetLabel(ctx, asset);
}

} // namespace

std::string Words::leaf(BuildContext &ctx, const Condition &leaf, bool negated) const {
  if (std::optional<sema::AssetRef> asset = checklist::membershipOf(ctx, leaf))
    return audienceLeaf(ctx, *this, *asset, negated);
  const sema::Cond &cond = ctx.program().cond(leaf.leaf);
  using K = sema::CondKind;
  switch (cond.kind) {
  case K::HasTag:
    return tagLeaf(ctx, {sema::AssetKind::Tag, cond.tag.value}, negated);
  default:
    return checklist::fieldLeaf(ctx, operators(), cond, negated);
  }
}

std::string Words::branch(const std::string &condition) const {
  return "Add an **If/Else** action with one branch named **Yes**. Condition: " + condition +
         ". Its **None** branch is the **No** path.";
}

std::string Words::end() const { return "Add **Remove From Workflow** → **Current workflow**."; }

std::string Words::continueAt(int number) const {
  return "Then step **" + std::to_string(number) +
         "**: if it is not built directly below on this branch, add a **Go To** action pointing "
         "to it.";
}

std::string Words::assetKind(sema::AssetKind kind) const {
  using K = sema::AssetKind;
  switch (kind) {
  case K::Field:
    return "Custom field";
  case K::Tag:
    return "Tag";
  case K::List:
    return "Tag (stands for a list)";
  case K::Segment:
    return "Smart list (for reference)";
  case K::Email:
    return "Email template";
  case K::Sms:
    return "SMS template";
  case K::Push:
    return "Push (not available)";
  case K::Webhook:
    return "Custom webhook URL";
  default:
    return std::string(sema::assetKindName(kind));
  }
}

namespace {

StepText send(BuildContext &ctx, const sema::Flow &flow, const sema::Stmt &stmt) {
  sema::Channel channel = *analyzer::sendChannel(stmt);
  bool sms = channel == sema::Channel::Sms;
  StepText text{std::string("Add **") + (sms ? "Send SMS" : "Send Email") + "**, template " +
                assetLabel(ctx, stmt.target) + "."};
  checklist::FlowPolicies policies = checklist::flowPolicies(ctx, flow);
  if (const sema::PolicyRule *quiet = checklist::quietHoursFor(policies, channel))
    text.settings.push_back("Quiet hours (" + checklist::clockText(quiet->startMinute) + "–" +
                            checklist::clockText(quiet->endMinute) +
                            "): directly before this action add **Wait** "
                            "with **Advanced Window** on every day from " +
                            code(checklist::clockText(quiet->endMinute)) + " to " +
                            code(checklist::clockText(quiet->startMinute)) +
                            " (workflow time zone: contact's).");
  if (const sema::Consent *consent = checklist::consentToCheck(ctx, policies, channel, stmt))
    text.settings.push_back("Policy requires consent: this action must sit on the **Yes** "
                            "branch of an If/Else on " +
                            fieldLabel(ctx, consent->field) +
                            " is `true`; add one if the "
                            "steps above do not already check it.");
  return text;
}

StepText emitEvent(BuildContext &ctx, const sema::Stmt &stmt) {
  return checklist::emitEventStep(ctx, stmt, "GoHighLevel", "add **Add To Workflow**", "Workflow");
}

StepText webhook(BuildContext &ctx, const sema::Stmt &stmt) {
  const sema::Webhook &hook = ctx.program().webhooks[stmt.target.index];
  StepText text{"Add **Custom Webhook**: method **" + hook.method + "**, URL " +
                code(ctx.webhookUrl(sema::WebhookId{stmt.target.index})) + "."};
  for (const sema::WebhookHeader &header : hook.headers)
    text.settings.push_back(
        "Header " + code(header.name.value) + ": " +
        (header.secret ? "the secret " + code(header.value.value) : code(header.value.value)));
  std::string body;
  for (sema::FieldId field : hook.payload)
    body += (body.empty() ? "" : ", ") + code(ctx.fieldName(field));
  if (!body.empty())
    text.settings.push_back("Content type JSON; body keys (each the contact's field of that "
                            "name): " +
                            body + ".");
  return text;
}

} // namespace

StepText Words::step(BuildContext &ctx, const sema::Flow &flow, const PlanNode &node) const {
  const sema::Stmt &stmt = ctx.program().stmt(node.stmt);
  using K = sema::StmtKind;
  switch (stmt.kind) {
  case K::Send:
    return send(ctx, flow, stmt);
  case K::Set:
    return {"Add **Update Contact Field**: field " + fieldLabel(ctx, stmt.field) + ", value " +
            code(checklist::valueText(stmt.value)) + "."};
  case K::Increment:
    return {"Add **Math Operation**: field " + fieldLabel(ctx, stmt.field) +
            ", operator **Add**, "
            "value " +
            code(stmt.value.text) + ", saved back to the same field."};
  case K::Wait:
    return {"Add **Wait** → **Time Delay**: " + bold(checklist::durationText(stmt.value.seconds)) +
            "."};
  case K::WaitUntil:
    return {"Add **Wait** → **Time Delay** of 0 with **Advanced Window**: resume at " +
            code(checklist::clockText(stmt.value.seconds)) + " (contact's time zone)."};
  case K::WaitEvent:
    return {"Add **Wait** → **Time Delay**: " + bold(checklist::durationText(stmt.value.seconds)) +
            " (the timeout of waiting for event " + code(stmt.text) +
            "; GoHighLevel cannot end the wait on it)."};
  case K::Call:
    return webhook(ctx, stmt);
  case K::AssignOwner:
    return {"Add **Assign To User**: the users of team " + code(stmt.message.value) +
            ", **Split traffic** evenly; **Only apply to unassigned contacts** off."};
  case K::AddTag:
    return {"Add **Add Contact Tag**: " + assetLabel(ctx, stmt.target) + "."};
  case K::RemoveTag:
    return {"Add **Remove Contact Tag**: " + assetLabel(ctx, stmt.target) + "."};
  case K::AddToList:
    return {"Add **Add Contact Tag**: " + assetLabel(ctx, stmt.target) + " (the list's tag)."};
  case K::RemoveFromList:
    return {"Add **Remove Contact Tag**: " + assetLabel(ctx, stmt.target) + " (the list's tag)."};
  case K::Notify:
    return {"Add **Internal Notification** → **Email**: to the address that posts into " +
                code(stmt.text) + ".",
            {"Subject and message: " + code(stmt.message.value) +
             " (replace each `{{field}}` with the matching custom value, e.g. "
             "`{{contact.email}}`)."}};
  case K::Emit:
    return emitEvent(ctx, stmt);
  case K::Stop:
    return {end()};
  case K::If:
    break;
  }
  return {"(no action)"};
}

} // namespace mac::backend::gohighlevel
