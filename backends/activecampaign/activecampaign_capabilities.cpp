// What ActiveCampaign's automation builder can do with each construct. Every
// supported construct is a Manual step of the build checklist; the notes
// name the builder's trigger, action or setting (shown to users, and
// rendered into docs/backends/capabilities.md).
#include "backends/activecampaign/activecampaign.h"

namespace mac::backend::activecampaign {

namespace {

constexpr std::string_view kNoThrottle =
    "not enforced: ActiveCampaign has no enrolment rate limit for automations; DEPLOY.md "
    "records the rate";

Capabilities make() {
  using C = Construct;
  constexpr Support M = Support::Manual, A = Support::Approximated, U = Support::Unsupported;
  Capabilities c;
  c.set(C::TriggerForm, M, "start trigger Submits a form")
      .set(C::TriggerTagAdded, M, "start trigger Tag is added")
      .set(C::TriggerListJoined, M, "start trigger Subscribes to a list")
      .set(C::TriggerFieldChanged, M, "start trigger Field changes")
      .set(C::TriggerFieldChangedTo, M, "start trigger Field changes with the new value")
      .set(C::TriggerEvent, M,
           "no start trigger: your system adds the contact with `POST /api/3/contactAutomations` "
           "(flows/<flow>.json) when the event happens")
      .set(C::TriggerSchedule, U,
           "ActiveCampaign automations have no recurring start (date-based triggers fire on a "
           "contact's date field, not on a daily clock)")
      .set(C::MultipleTriggers, M, "several start triggers on one automation")
      .set(C::ReenrollNever, M, "start trigger option Runs: Once")
      .set(C::ReenrollAfter, A,
           "start triggers run once or every time: built as Runs: Multiple times, so a "
           "contact may re-enter before the period has passed")
      .set(C::Dedupe, M, "ActiveCampaign keeps one contact per email address")
      .set(C::FlowThrottle, A, kNoThrottle)
      .set(C::EnvThrottle, A, kNoThrottle)
      .set(C::Goal, M,
           "a Goal action at the end that contacts jump to from anywhere, then End this "
           "automation")
      .set(C::EnrolmentFilter, M, "Add conditions on every start trigger")
      .set(C::QuietHours, A,
           "a Wait until specific conditions are met on the time of day before each send of "
           "the channel; ActiveCampaign reads the time in the account's time zone, not the "
           "recipient's")
      .set(C::SuppressUnsubscribed, M,
           "start-trigger condition that the contact is not unsubscribed")
      .set(C::SuppressList, M, "start-trigger condition: not subscribed to the list")
      .set(C::SuppressSegment, M, "start-trigger condition: the segment's rules, negated")
      .set(C::RequireConsentPolicy, M, "an If/Else on the consent field before each send")
      .set(C::SafeMode, M, "an If/Else on the seed audience before every send")
      .set(C::Branch, M, "If/Else; paths that meet again end with Go to")
      .set(C::CondCompare, M, "If/Else condition on a contact field")
      .set(C::CondText, M, "contains / begins with / ends with")
      .set(C::CondIsSet, M, "is blank / is not blank")
      .set(C::CondConsent, M, "condition on the consent field")
      .set(C::CondInList, M, "condition Subscribed to list")
      .set(C::CondInSegment, M, "the segment's rules written out in the condition")
      .set(C::CondHasTag, M, "condition Tag exists")
      .set(C::CondRuntimeFlag, M, "If/Else on the flag's condition")
      .set(C::SendEmail, M, "Send an email")
      .set(C::SendSms, M, "Send an SMS")
      .set(C::SendPush, U, "ActiveCampaign automations cannot send push notifications")
      .set(C::Wait, M, "Wait for a period of time")
      .set(C::WaitUntil, A,
           "Wait until a time of day, in the account's time zone, not the recipient's")
      .set(C::WaitEvent, M,
           "Wait until specific conditions are met (the event was recorded), with the "
           "timeout as the maximum wait")
      .set(C::Webhook, A,
           "the Webhook action POSTs the whole contact as form data: no method, headers or "
           "payload of your choice, and ActiveCampaign's own retries instead of yours")
      .set(C::AssignOwner, A,
           "no round robin for contacts: a Split with one even path per team member, each "
           "setting the contact owner; random, not rotating")
      .set(C::AddTag, M, "Add a tag")
      .set(C::RemoveTag, M, "Remove a tag")
      .set(C::AddToList, M, "Subscribe to the list")
      .set(C::RemoveFromList, A,
           "Unsubscribe from the list: the contact stays on it with status unsubscribed")
      .set(C::SetField, M, "Update a contact")
      .set(C::Increment, M, "Update a contact, adding to the number field")
      .set(C::Notify, A,
           "Notify someone sends an email: address it to the inbox that posts into the "
           "channel")
      .set(C::EmitEvent, A,
           "an automation cannot record an event: built as Start an automation for each flow "
           "of the bundle the event starts; systems outside the bundle are not told")
      .set(C::Stop, M, "End this automation");
  return c;
}

} // namespace

const Capabilities &capabilities() {
  static const Capabilities table = make();
  return table;
}

} // namespace mac::backend::activecampaign
