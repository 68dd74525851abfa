// What Marketo can do with each construct. Supported constructs are Manual
// steps of the build checklist (smart-list rules and flow steps have no API);
// the notes name the editor's trigger, filter, flow step or setting (shown to
// users, and rendered into docs/backends/capabilities.md).
#include "backends/marketo/marketo.h"

namespace mac::backend::marketo {

namespace {

constexpr std::string_view kNoThrottle =
    "not enforced: Marketo has no enrolment rate limit for smart campaigns (person restrictions "
    "cap the size of a batch run, not a rate); DEPLOY.md records the rate";

Capabilities make() {
  using C = Construct;
  constexpr Support M = Support::Manual, A = Support::Approximated, U = Support::Unsupported;
  Capabilities c;
  c.set(C::TriggerForm, M, "smart-list trigger Fills Out Form")
      .set(C::TriggerTagAdded, A,
           "Marketo people have no tags: each tag is a static list of the same name, and the "
           "trigger is Added to List")
      .set(C::TriggerListJoined, M, "smart-list trigger Added to List")
      .set(C::TriggerFieldChanged, M, "smart-list trigger Data Value Changes")
      .set(C::TriggerFieldChangedTo, M,
           "smart-list trigger Data Value Changes with the constraint New Value")
      .set(C::TriggerEvent, M,
           "smart-list trigger Campaign is Requested (source Web Service API); your "
           "system calls `POST /rest/v1/campaigns/{id}/trigger.json` (flows/<flow>.json)")
      .set(C::TriggerSchedule, M,
           "batch campaign: Schedule tab → Recurrence every day at the time (in the "
           "subscription's time zone)")
      .set(C::MultipleTriggers, M, "several smart-list triggers; any one starts the campaign")
      .set(C::ReenrollNever, M,
           "Schedule tab → Qualification Rules: each person runs through the flow once")
      .set(C::ReenrollAfter, M, "Qualification Rules: once every the period")
      .set(C::Dedupe, M, "Marketo keeps one person per email address")
      .set(C::FlowThrottle, A, kNoThrottle)
      .set(C::EnvThrottle, A, kNoThrottle)
      .set(C::Goal, M,
           "a goal campaign triggered by Data Value Changes whose Remove from Flow takes "
           "people out of the flow's campaigns once the goal holds")
      .set(C::EnrolmentFilter, M, "smart-list filters beside the triggers")
      .set(C::QuietHours, A,
           "a Wait → Advanced Wait until the next start of the allowed hours before each "
           "send of the channel: every send is held until then, in the subscription's time "
           "zone, not the recipient's")
      .set(C::SuppressUnsubscribed, M, "smart-list filter Unsubscribed is false")
      .set(C::SuppressList, M, "smart-list filter Member of List not in the list")
      .set(C::SuppressSegment, M, "smart-list filter Member of Smart List not in the segment")
      .set(C::RequireConsentPolicy, M, "a choice on the consent field at each send")
      .set(C::SafeMode, M, "a choice on membership of the seed audience before every send")
      .set(C::Branch, M,
           "a flow step with a choice, or Execute Campaign of an executable campaign per "
           "path (the parent goes on after it)")
      .set(C::CondCompare, M, "filter or choice on a person field")
      .set(C::CondText, M,
           "contains / starts with; Marketo has no ends with (see MAC7002 where used)")
      .set(C::CondIsSet, M, "is empty / is not empty")
      .set(C::CondConsent, M, "filter or choice on the consent field")
      .set(C::CondInList, M, "Member of List")
      .set(C::CondInSegment, M, "Member of Smart List")
      .set(C::CondHasTag, A,
           "Marketo people have no tags: each tag is a static list of the same name, tested with "
           "Member of List")
      .set(C::CondRuntimeFlag, M, "filter or choice on the flag's condition")
      .set(C::SendEmail, M, "flow step Send Email")
      .set(C::SendSms, M,
           "the Send SMS flow step of your SMS LaunchPoint service (Marketo has no built-in "
           "SMS)")
      .set(C::SendPush, M, "flow step Send Push Notification (Mobile Engagement)")
      .set(C::Wait, M, "flow step Wait")
      .set(C::WaitUntil, A,
           "flow step Wait with Advanced Wait until the time of day, in the "
           "subscription's time zone, not the recipient's")
      .set(C::WaitEvent, A,
           "a Marketo Wait cannot end on a custom event: the person waits the whole timeout, "
           "then goes on")
      .set(C::Webhook, M,
           "flow step Call Webhook (the webhook's URL is a program token set per "
           "environment)")
      .set(C::AssignOwner, A,
           "Marketo has no round robin: Change Owner under one Random Sample choice per "
           "team member; random, not rotating")
      .set(C::AddTag, A,
           "Marketo people have no tags: each tag is a static list of the same name, joined with "
           "Add to List")
      .set(C::RemoveTag, A,
           "Marketo people have no tags: each tag is a static list of the same name, left with "
           "Remove from List")
      .set(C::AddToList, M, "flow step Add to List")
      .set(C::RemoveFromList, M, "flow step Remove from List")
      .set(C::SetField, M, "flow step Change Data Value")
      .set(C::Increment, M, "flow step Change Score with `+N`")
      .set(C::Notify, A,
           "Send Alert sends an email alert: send it to the address that posts into the "
           "channel")
      .set(C::EmitEvent, A,
           "a flow cannot record a custom event: built as Request Campaign of each flow of "
           "the bundle the event starts; systems outside the bundle are not told")
      .set(C::Stop, M, "flow step Remove from Flow (every campaign of the flow)");
  return c;
}

} // namespace

const Capabilities &capabilities() {
  static const Capabilities table = make();
  return table;
}

} // namespace mac::backend::marketo
