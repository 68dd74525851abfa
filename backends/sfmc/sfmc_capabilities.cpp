// What the SFMC backend does with each construct of the language. Notes are
// shown to users (MAC7001/MAC7002) and rendered into the capability matrix.
#include "backends/sfmc/sfmc_capabilities.h"

namespace mac::backend::sfmc {

namespace {

void triggers(Capabilities &c) {
  c.set(Construct::TriggerForm, Support::Approximated,
        "an API entry event that the form's Smart Capture or form handler must fire "
        "(`POST /interaction/v1/events`); SFMC forms do not start journeys by themselves");
  c.set(Construct::TriggerTagAdded, Support::Approximated,
        "an API entry event that whatever adds the tag must fire: SFMC contacts have no tags "
        "(a Boolean column of the contact data extension stands for the tag)");
  c.set(Construct::TriggerListJoined, Support::Approximated,
        "an API entry event that whatever adds the contact must fire: a list is a Boolean "
        "column of the contact data extension, and column changes start no journey");
  c.set(Construct::TriggerFieldChanged, Support::Approximated,
        "an API entry event that whatever changes the field must fire: data-extension "
        "changes start no journey");
  c.set(Construct::TriggerFieldChangedTo, Support::Approximated,
        "an API entry event that whatever sets the value must fire: data-extension changes "
        "start no journey");
  c.set(Construct::TriggerEvent, Support::Native,
        "an API entry event (`APIEvent`) fired with `POST /interaction/v1/events`");
  c.set(Construct::TriggerSchedule, Support::Approximated,
        "a data-extension entry scheduled daily in the fixed zone `Hawaiian Standard Time`, "
        "enrolling every row of the contact data extension");
  c.set(Construct::MultipleTriggers, Support::Native,
        "a journey has one entry source: every trigger fires the same API entry event");
}

void enrolment(Capabilities &c) {
  c.set(Construct::ReenrollNever, Support::Native, "`entryMode: OnceAndDone` (no re-entry)");
  c.set(Construct::ReenrollAfter, Support::Approximated,
        "`entryMode: SingleEntryAcrossAllVersions` (re-entry only after exiting): Journey "
        "Builder has no re-entry interval, so contacts may re-enter as soon as they leave");
  c.set(Construct::Dedupe, Support::Approximated,
        "Journey Builder identifies contacts by Contact Key only; the `dedupe by` fields are "
        "not used (make the contact key the deduplicating field)");
  c.set(Construct::FlowThrottle, Support::Approximated,
        "email sends are throttled instead (`triggeredSend.throttleLimit`, per hour); entry "
        "and other steps are not limited");
  c.set(Construct::EnvThrottle, Support::Approximated,
        "email sends are throttled instead (`triggeredSend.throttleLimit`, per hour); entry "
        "and other steps are not limited");
  c.set(Construct::Goal, Support::Approximated,
        "a journey goal with exit criteria: Journey Builder evaluates goals every 24 hours and "
        "after each wait, not at once");
  c.set(Construct::EnrolmentFilter, Support::Approximated,
        "a decision split as the first activity: contacts that fail it still count as "
        "entered (with `reenroll never` they cannot enter later)");
}

void policies(Capabilities &c) {
  c.set(Construct::QuietHours, Support::Approximated,
        "a WAIT before each send on the channel, of one day extended to the window's end "
        "(`specifiedTime`) in one fixed `timeZoneId` (the named zone, else `Hawaiian Standard "
        "Time`): every such send is held to the next day's window end, not the recipient's");
  c.set(Construct::SuppressUnsubscribed, Support::Native,
        "Marketing Cloud's own subscriber status: unsubscribed contacts get no commercial "
        "email and opted-out numbers no SMS");
  c.set(Construct::SuppressList, Support::Native,
        "a decision split before each send that skips members of the list");
  c.set(Construct::SuppressSegment, Support::Native,
        "a decision split before each send that skips contacts matching the segment");
  c.set(Construct::RequireConsentPolicy, Support::Native,
        "a decision split before each marketing send on the channel that checks consent");
  c.set(Construct::SafeMode, Support::Native,
        "a decision split before each send that only lets the safe-mode audience through");
}

void conditions(Capabilities &c) {
  c.set(Construct::Branch, Support::Native,
        "`MULTICRITERIADECISION` with one criteria path and the remainder path; the paths join "
        "(several outcomes name one activity) at the statement after the `if`");
  c.set(Construct::CondCompare, Support::Native, "a filter condition on a Contact attribute");
  c.set(Construct::CondText, Support::Native,
        "`Contains` / `BeginsWith` / `EndsWith` filter conditions");
  c.set(Construct::CondIsSet, Support::Native, "`IsNotNull` / `IsNull` filter conditions");
  c.set(Construct::CondConsent, Support::Native, "the consent field equals true");
  c.set(Construct::CondInList, Support::Approximated,
        "the list's Boolean column equals true: SFMC lists are not readable in a decision");
  c.set(Construct::CondInSegment, Support::Native, "the segment's condition, inlined");
  c.set(Construct::CondHasTag, Support::Approximated,
        "the tag's Boolean column equals true: SFMC contacts have no tags");
  c.set(Construct::CondRuntimeFlag, Support::Native, "the flag's `when` condition");
}

void steps(Capabilities &c) {
  c.set(Construct::SendEmail, Support::Native, "`EMAILV2` of the bound email");
  c.set(Construct::SendSms, Support::Native, "`SMSSYNC` of the bound MobileConnect message");
  c.set(Construct::SendPush, Support::Unsupported,
        "this backend does not emit MobilePush activities");
  c.set(Construct::Wait, Support::Native, "`WAIT` by duration");
  c.set(Construct::WaitUntil, Support::Approximated,
        "a WAIT of one day extended to the clock time in the fixed zone `Hawaiian Standard "
        "Time`: it ends on the next day, not at the next such time, and not recipient-local");
  c.set(Construct::WaitEvent, Support::Approximated,
        "a WAIT of the whole timeout: the journey does not move on when the event arrives");
  c.set(Construct::Webhook, Support::Approximated,
        "a `REST` activity with the payload fields, method, URL and retries; secret headers "
        "are `deploy:secret:NAME` placeholders to fill at deploy; `dead_letter` and `alert` "
        "are not expressed");
  c.set(Construct::AssignOwner, Support::Unsupported,
        "Journey Builder has no owner assignment (Sales Cloud activities need Marketing "
        "Cloud Connect and are not emitted)");
  c.set(Construct::AddTag, Support::Approximated,
        "`UPDATECONTACTDATA` sets the tag's Boolean column: SFMC contacts have no tags");
  c.set(Construct::RemoveTag, Support::Approximated,
        "`UPDATECONTACTDATA` clears the tag's Boolean column: SFMC contacts have no tags");
  c.set(Construct::AddToList, Support::Approximated,
        "`UPDATECONTACTDATA` sets the list's Boolean column: journeys cannot add to lists");
  c.set(Construct::RemoveFromList, Support::Approximated,
        "`UPDATECONTACTDATA` clears the list's Boolean column: journeys cannot remove from "
        "lists");
  c.set(Construct::SetField, Support::Native, "`UPDATECONTACTDATA` of the field");
  c.set(Construct::Increment, Support::Unsupported,
        "`UPDATECONTACTDATA` writes constant values only; Journey Builder has no arithmetic");
  c.set(Construct::Notify, Support::Unsupported,
        "Journey Builder has no internal notification activity");
  c.set(Construct::EmitEvent, Support::Unsupported,
        "a journey cannot fire an entry event; only an outside system can");
  c.set(Construct::Stop, Support::Native, "the path ends (an outcome with no next activity)");
}

} // namespace

Capabilities capabilities() {
  Capabilities c;
  triggers(c);
  enrolment(c);
  policies(c);
  conditions(c);
  steps(c);
  return c;
}

} // namespace mac::backend::sfmc
