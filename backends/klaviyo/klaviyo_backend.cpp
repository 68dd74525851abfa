// The Klaviyo backend: every flow becomes `POST /api/flows` bodies
// (`FlowCreateQuery` of Klaviyo's OpenAPI, validated in
// test/backends/klaviyo/), plus DEPLOY.md. This file declares what Klaviyo
// can express (shown to users as MAC7001/MAC7002 notes and in the capability
// matrix) and drives the emit; the translation lives in the other
// klaviyo_*.cpp files, one concern each.
#include "backends/backend.h"
#include "backends/klaviyo/klaviyo_context.h"

namespace mac::backend {

namespace {

using S = Support;
using C = Construct;

void declareTriggersAndEnrolment(Capabilities &caps) {
  caps.set(
          C::TriggerForm, S::Approximated,
          "a metric trigger on the metric bound as `\"form\": {\"<form name>\": \"<metric id>\"}`; "
          "Klaviyo has no trigger on a form by name, so bind a metric only that form records")
      .set(C::TriggerTagAdded, S::Approximated,
           "a list trigger: Klaviyo profiles have no tags, so each tag is a Klaviyo list (its "
           "`tag` binding), and a profile enters a list-triggered flow only once")
      .set(C::TriggerListJoined, S::Native, "a `list` trigger")
      .set(C::TriggerFieldChanged, S::Unsupported,
           "Klaviyo flows start on a list, segment, metric or date, never on a property change; "
           "track an event where the field changes and use `on event`")
      .set(C::TriggerFieldChangedTo, S::Unsupported,
           "Klaviyo flows start on a list, segment, metric or date, never on a property change; "
           "track an event where the field changes and use `on event`")
      .set(C::TriggerEvent, S::Native,
           "a `metric` trigger on the metric bound as `\"metric\": {\"<event>\": \"<id>\"}`")
      .set(C::TriggerSchedule, S::Unsupported,
           "Klaviyo flows have no recurring schedule trigger (date triggers follow a date "
           "property of each profile)")
      .set(C::MultipleTriggers, S::Approximated,
           "a Klaviyo flow has one trigger: one Klaviyo flow per trigger, each a copy "
           "(`flows/<flow-id>.trigger-<n>.json`); a contact who fires two triggers can run both "
           "copies, and re-entry is counted per copy");
  caps.set(C::ReenrollNever, S::Native, "`reentry_criteria` 1 `alltime`")
      .set(C::ReenrollAfter, S::Native, "`reentry_criteria` in weeks, days or hours")
      .set(C::Dedupe, S::Approximated,
           "Klaviyo enrols profiles, which it already keys by email and phone number; it has no "
           "setting for other keys, so contacts sharing another `dedupe` field are not merged")
      .set(C::FlowThrottle, S::Approximated,
           "not enforced: Klaviyo flows have no enrolment rate limit; DEPLOY.md records the rate")
      .set(C::EnvThrottle, S::Approximated,
           "not enforced: Klaviyo flows have no enrolment rate limit; DEPLOY.md records the rate")
      .set(C::Goal, S::Approximated,
           "the negated goal joins the flow filter, which Klaviyo checks before each action: a "
           "contact who meets the goal leaves at its next step, not at once")
      .set(C::EnrolmentFilter, S::Native,
           "a first `conditional-split` whose false side ends the flow");
}

void declarePoliciesAndConditions(Capabilities &caps) {
  caps.set(C::QuietHours, S::Approximated,
           "SMS actions get `sms_quiet_hours_enabled`; the window is the account's SMS quiet "
           "hours (one for all flows, localised by area code or the country's eastern time "
           "zone), which DEPLOY.md says to set; email and push have no quiet hours (MAC7001)")
      .set(C::SuppressUnsubscribed, S::Native,
           "built in: Klaviyo never sends marketing to unsubscribed or suppressed profiles")
      .set(C::SuppressList, S::Native, "a not-member-of-list condition in the flow filter")
      .set(C::SuppressSegment, S::Native, "a not-member-of-segment condition in the flow filter")
      .set(C::RequireConsentPolicy, S::Native,
           "a `profile-marketing-consent` filter on each marketing send of the channel")
      .set(C::SafeMode, S::Native,
           "a `conditional-split` on membership of the safe-mode segment or list before each send");
  caps.set(C::Branch, S::Native,
           "a `conditional-split`; its two links may name one action, so the branches join at the "
           "statement after the `if`")
      .set(C::CondCompare, S::Native,
           "a `profile-property` condition (string, numeric or boolean filter)")
      .set(C::CondText, S::Native, "a `profile-property` string filter")
      .set(C::CondIsSet, S::Native, "a `profile-property` existence filter")
      .set(C::CondConsent, S::Native,
           "a `profile-marketing-consent` condition: Klaviyo's own consent record for the "
           "channel (subscribed), not the bundle's consent field")
      .set(C::CondInList, S::Native, "a `profile-group-membership` condition")
      .set(C::CondInSegment, S::Native,
           "a `profile-group-membership` condition on the segment bound as `segment`; the "
           "segment must exist in Klaviyo")
      .set(C::CondHasTag, S::Approximated,
           "membership of the Klaviyo list that stands for the tag (Klaviyo profiles have no "
           "tags)")
      .set(C::CondRuntimeFlag, S::Native, "the flag's `when` as the split's condition");
}

void declareSteps(Capabilities &caps) {
  caps.set(C::SendEmail, S::Native, "`send-email` with the template bound as `email`")
      .set(C::SendSms, S::Native, "`send-sms` with the template bound as `sms`")
      .set(C::SendPush, S::Native, "`send-mobile-push` with the title and text")
      .set(C::Wait, S::Native, "`time-delay` in days, hours or minutes")
      .set(C::WaitUntil, S::Native,
           "`time-delay` of 0 days until the time in the profile's time zone (Klaviyo uses the "
           "account's when the profile has none)")
      .set(C::WaitEvent, S::Approximated,
           "Klaviyo flows cannot resume on an event: a `time-delay` of the whole timeout")
      .set(C::Webhook, S::Approximated,
           "`send-webhook` with the environment's URL and the payload as JSON; secret headers are "
           "placeholders to fill in after deploy (DEPLOY.md), and `retry`, `dead_letter` and "
           "`alert` are not configurable")
      .set(C::AssignOwner, S::Unsupported,
           "Klaviyo profiles have no owner; call a webhook to your CRM instead")
      .set(C::AddTag, S::Approximated,
           "`list-update` adding to the Klaviyo list that stands for the tag (bound as `tag`)")
      .set(C::RemoveTag, S::Approximated,
           "`list-update` removing from the Klaviyo list that stands for the tag")
      .set(C::AddToList, S::Native, "`list-update` with `on_execution` true")
      .set(C::RemoveFromList, S::Native, "`list-update` with `on_execution` false")
      .set(C::SetField, S::Native, "`update-profile` with one update operation")
      .set(C::Increment, S::Unsupported,
           "`update-profile` can set or delete a property but not add to it")
      .set(C::Notify, S::Approximated,
           "an internal alert email (`send-internal-alert`): the message is the subject, sent to "
           "the channel's address bound as `\"alert\": {\"<channel>\": \"<email>\"}` from the "
           "account's default sender")
      .set(C::EmitEvent, S::Native, "an `internal-service` action of type `track-event`")
      .set(C::Stop, S::Native, "the path ends (`next` is null)");
}

/// MAC7001 for quiet hours on channels Klaviyo has none for; false if any.
bool checkQuietHours(klaviyo::KlaviyoContext &k) {
  bool ok = true;
  for (const sema::Flow &flow : k.program.flows)
    for (const sema::PolicyRule *rule : k.ctx.policies(flow)) {
      if (rule->kind != sema::PolicyKind::QuietHours)
        continue;
      std::string window = klaviyo::clockText(rule->startMinute) + ".." +
                           klaviyo::clockText(rule->endMinute) + " " + rule->zone;
      if (rule->channel == sema::Channel::Sms) {
        k.quietWindows.insert(window);
        continue;
      }
      ok = false;
      k.ctx.unsupported(rule->range, Construct::QuietHours,
                        "Klaviyo has quiet hours for SMS only, not for " +
                            std::string(sema::channelName(rule->channel)));
    }
  return ok;
}

class KlaviyoBackend final : public Backend {
public:
  KlaviyoBackend() {
    declareTriggersAndEnrolment(capabilities_);
    declarePoliciesAndConditions(capabilities_);
    declareSteps(capabilities_);
  }
  std::string_view name() const override { return "klaviyo"; }
  std::string_view platform() const override { return "Klaviyo"; }
  const Capabilities &capabilities() const override { return capabilities_; }

  bool emit(BuildContext &ctx, OutputSink &out) const override {
    klaviyo::KlaviyoContext k(ctx);
    bool ok = checkQuietHours(k); // emit on regardless, to report every problem at once
    for (uint32_t i = 0; i < k.program.flows.size(); ++i)
      ok = klaviyo::emitFlow(k, sema::FlowId{i}, out) && ok;
    if (ok)
      out.write("DEPLOY.md", klaviyo::renderDeploy(k));
    return ok;
  }

private:
  Capabilities capabilities_;
};

} // namespace

std::unique_ptr<Backend> createKlaviyoBackend() { return std::make_unique<KlaviyoBackend>(); }

} // namespace mac::backend
