// The automation builder's words: condition leaves, actions and the settings
// to enter for each step of a flow plan.
#include "backends/activecampaign/activecampaign.h"

#include "analyzer/program_queries.h"
#include "backends/checklist/markdown.h"
#include "backends/checklist/phrases.h"
#include "backends/checklist/policies.h"

namespace mac::backend::activecampaign {

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
                                        "begins with",
                                        "does not begin with",
                                        "ends with",
                                        "does not end with",
                                        "is blank",
                                        "is not blank",
                                        "is any of",
                                        "is none of"};
  return ops;
}

namespace {

std::string audienceLeaf(BuildContext &ctx, const Words &words, sema::AssetRef asset,
                         bool negated) {
  if (asset.kind == sema::AssetKind::List)
    return std::string(negated ? "**Not subscribed to list** " : "**Subscribed to list** ") +
           assetLabel(ctx, asset);
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
    return std::string(negated ? "**Tag does not exist** " : "**Tag exists** ") +
           assetLabel(ctx, {sema::AssetKind::Tag, cond.tag.value});
  default:
    return checklist::fieldLeaf(ctx, operators(), cond, negated);
  }
}

std::string Words::branch(const std::string &condition) const {
  return "Add an **If/Else** action. Condition: " + condition + ".";
}

std::string Words::end() const { return "Add **End this automation**."; }

std::string Words::continueAt(int number) const {
  return "Then step **" + std::to_string(number) +
         "**: if it is not built directly below on this path, add a **Go to** action pointing "
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
    return "List";
  case K::Segment:
    return "Segment";
  case K::Email:
    return "Email (automation email)";
  case K::Sms:
    return "SMS";
  case K::Push:
    return "Push (not available)";
  case K::Webhook:
    return "Webhook URL";
  default:
    return std::string(sema::assetKindName(kind));
  }
}

namespace {

StepText send(BuildContext &ctx, const Words &words, const sema::Flow &flow,
              const sema::Stmt &stmt) {
  sema::Channel channel = *analyzer::sendChannel(stmt);
  bool sms = channel == sema::Channel::Sms;
  StepText text{std::string("Add **") + (sms ? "Send an SMS" : "Send an email") + "**, choosing " +
                assetLabel(ctx, stmt.target) + "."};
  checklist::FlowPolicies policies = checklist::flowPolicies(ctx, flow);
  if (const sema::PolicyRule *quiet = checklist::quietHoursFor(policies, channel))
    text.settings.push_back(
        "Quiet hours (" + checklist::clockText(quiet->startMinute) + "–" +
        checklist::clockText(quiet->endMinute) +
        "): directly before this action add **Wait** → "
        "**Wait until specific conditions are met**, condition: the current time is between " +
        code(checklist::clockText(quiet->endMinute)) + " and " +
        code(checklist::clockText(quiet->startMinute)) + " (account time zone).");
  if (const sema::Consent *consent = checklist::consentToCheck(ctx, policies, channel, stmt))
    text.settings.push_back("Policy requires consent: this action must sit on the **Yes** path "
                            "of an If/Else on " +
                            fieldLabel(ctx, consent->field) +
                            " is `true`; add one if the "
                            "steps above do not already check it.");
  return text;
}

StepText assignOwner(BuildContext &ctx, const sema::Stmt &stmt) {
  return {"Add a **Split** action: **Split evenly**, one path per member of team " +
              code(stmt.message.value) + ".",
          {"On each path add the CRM action that sets the **contact owner** to that member.",
           "Method in the flow: " + code(stmt.text) +
               " (ActiveCampaign picks at random, it does "
               "not rotate)."}};
}

StepText emitEvent(BuildContext &ctx, const sema::Stmt &stmt) {
  return checklist::emitEventStep(ctx, stmt, "ActiveCampaign", "add **Start an automation**",
                                  "Automation");
}

} // namespace

StepText Words::step(BuildContext &ctx, const sema::Flow &flow, const PlanNode &node) const {
  const sema::Stmt &stmt = ctx.program().stmt(node.stmt);
  using K = sema::StmtKind;
  switch (stmt.kind) {
  case K::Send:
    return send(ctx, *this, flow, stmt);
  case K::Set:
    return {"Add **Update a contact**: field " + fieldLabel(ctx, stmt.field) + ", new value " +
            code(checklist::valueText(stmt.value)) + "."};
  case K::Increment:
    return {"Add **Update a contact**: field " + fieldLabel(ctx, stmt.field) +
            ", choose the **add** operation, value " + code(stmt.value.text) + "."};
  case K::Wait:
    return {"Add **Wait** → **Wait for a specified period of time**: " +
            bold(checklist::durationText(stmt.value.seconds)) + "."};
  case K::WaitUntil:
    return {"Add **Wait** → **Wait until** the time of day " +
            code(checklist::clockText(stmt.value.seconds)) + " (account time zone)."};
  case K::WaitEvent:
    return {"Add **Wait** → **Wait until specific conditions are met**: the contact has recorded "
            "the event " +
                code(stmt.text) + ".",
            {"Maximum wait: " + bold(checklist::durationText(stmt.value.seconds)) +
             ", then continue."}};
  case K::Call: {
    std::string url = ctx.webhookUrl(sema::WebhookId{stmt.target.index});
    return {"Add **Webhook**: URL " + code(url) + ".",
            {"ActiveCampaign POSTs the contact's fields as form data; the endpoint reads them "
             "from there (see the webhook under Assets)."}};
  }
  case K::AssignOwner:
    return assignOwner(ctx, stmt);
  case K::AddTag:
    return {"Add **Add a tag**: " + assetLabel(ctx, stmt.target) + "."};
  case K::RemoveTag:
    return {"Add **Remove a tag**: " + assetLabel(ctx, stmt.target) + "."};
  case K::AddToList:
    return {"Add **Subscribe**: list " + assetLabel(ctx, stmt.target) + "."};
  case K::RemoveFromList:
    return {"Add **Unsubscribe**: list " + assetLabel(ctx, stmt.target) + "."};
  case K::Notify:
    return {"Add **Notify someone**: to the email address of " + code(stmt.text) + ".",
            {"Subject and message: " + code(stmt.message.value) +
             " (replace each `{{field}}` with that field's personalization tag)."}};
  case K::Emit:
    return emitEvent(ctx, stmt);
  case K::Stop:
    return {end()};
  case K::If:
    break;
  }
  return {"(no action)"};
}

} // namespace mac::backend::activecampaign
