// What GoHighLevel's workflow builder can do with each construct. Every
// supported construct is a Manual step of the build checklist; the notes
// name the builder's trigger, action or setting (shown to users, and
// rendered into docs/backends/capabilities.md).
#include "backends/gohighlevel/gohighlevel.h"

namespace mac::backend::gohighlevel {

namespace {

constexpr std::string_view kListAsTag =
    "GoHighLevel has no static lists: each list is a contact tag of the same name";

Capabilities make() {
  using C = Construct;
  constexpr Support M = Support::Manual, A = Support::Approximated, U = Support::Unsupported;
  Capabilities c;
  c.set(C::TriggerForm, M, "trigger Form Submitted filtered on the form")
      .set(C::TriggerTagAdded, M, "trigger Contact Tag, filter Tag Added")
      .set(C::TriggerListJoined, A,
           "GoHighLevel has no static lists: each list is a contact tag of the same name, and "
           "joining it is the trigger Contact Tag (Tag Added)")
      .set(C::TriggerFieldChanged, M, "trigger Contact Changed filtered on the field")
      .set(C::TriggerFieldChangedTo, M,
           "trigger Contact Changed filtered on the field and its new value")
      .set(C::TriggerEvent, M,
           "no trigger: your system adds the contact with `POST "
           "/contacts/{contactId}/workflow/{workflowId}` (flows/<flow>.json) when the event "
           "happens")
      .set(C::TriggerSchedule, U,
           "GoHighLevel workflow triggers react to contact and appointment events; none starts "
           "contacts on a daily clock")
      .set(C::MultipleTriggers, M, "several triggers on one workflow")
      .set(C::ReenrollNever, M, "workflow Settings: Allow Re-entry off")
      .set(C::ReenrollAfter, A,
           "Allow Re-entry is on or off: built as on, so a contact may re-enter before the "
           "period has passed")
      .set(C::Dedupe, M, "GoHighLevel keeps one contact per email address or phone number")
      .set(C::FlowThrottle, M, "a Drip action (batch size, interval) after the triggers")
      .set(C::EnvThrottle, M, "a Drip action (batch size, interval) after the triggers")
      .set(C::Goal, M,
           "a second workflow on Contact Changed whose Remove From Workflow takes "
           "contacts out once the goal holds")
      .set(C::EnrolmentFilter, M, "a first If/Else whose None branch ends the workflow")
      .set(C::QuietHours, M,
           "a Wait with an Advanced Window (contact's time zone) before each send of "
           "the channel")
      .set(C::SuppressUnsubscribed, M, "first If/Else: contact DND is off")
      .set(C::SuppressList, A, kListAsTag)
      .set(C::SuppressSegment, M, "first If/Else: the segment's rules, negated")
      .set(C::RequireConsentPolicy, M, "an If/Else on the consent field before each send")
      .set(C::SafeMode, M, "an If/Else on the seed audience before every send")
      .set(C::Branch, M, "If/Else; branches that meet again end with Go To")
      .set(C::CondCompare, M, "If/Else condition on a contact field")
      .set(C::CondText, M, "contains / starts with / ends with")
      .set(C::CondIsSet, M, "is empty / is not empty")
      .set(C::CondConsent, M, "condition on the consent field")
      .set(C::CondInList, A, kListAsTag)
      .set(C::CondInSegment, M, "the segment's rules written out in the condition")
      .set(C::CondHasTag, M, "condition Contact Tag includes")
      .set(C::CondRuntimeFlag, M, "If/Else on the flag's condition")
      .set(C::SendEmail, M, "Send Email")
      .set(C::SendSms, M, "Send SMS")
      .set(C::SendPush, U, "GoHighLevel workflows cannot send push notifications to contacts")
      .set(C::Wait, M, "Wait with a time delay")
      .set(C::WaitUntil, M, "Wait with an Advanced Window in the contact's time zone")
      .set(C::WaitEvent, A,
           "GoHighLevel's Wait cannot end on a custom event: the contact waits the whole "
           "timeout, then goes on")
      .set(C::Webhook, M, "Custom Webhook (method, URL, headers, JSON body)")
      .set(C::AssignOwner, M, "Assign To User, traffic split evenly among the team's users")
      .set(C::AddTag, M, "Add Contact Tag")
      .set(C::RemoveTag, M, "Remove Contact Tag")
      .set(C::AddToList, A, kListAsTag)
      .set(C::RemoveFromList, A, kListAsTag)
      .set(C::SetField, M, "Update Contact Field")
      .set(C::Increment, M, "Math Operation adding to the number field")
      .set(C::Notify, A,
           "Internal Notification sends an email: address it to the inbox that posts into "
           "the channel")
      .set(C::EmitEvent, A,
           "a workflow cannot record an event: built as Add To Workflow for each flow of the "
           "bundle the event starts; systems outside the bundle are not told")
      .set(C::Stop, M, "Remove From Workflow (current workflow)");
  return c;
}

} // namespace

const Capabilities &capabilities() {
  static const Capabilities table = make();
  return table;
}

} // namespace mac::backend::gohighlevel
