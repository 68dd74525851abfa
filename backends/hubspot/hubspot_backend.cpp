// The HubSpot backend: every flow becomes the body of
// `POST /automation/v4/flows` (a CONTACT_FLOW workflow, created disabled),
// written to flows/<flow>.json, with the properties, lists and custom event
// definitions it needs under assets/ and the ordered deploy plan in
// DEPLOY.md. This file declares what HubSpot can express; the translation
// lives in the other hubspot_*.cpp files (see hubspot.h).
#include "backends/hubspot/hubspot.h"

#include "backends/json_output.h"

namespace mac::backend {

namespace {

using S = Support;
using C = Construct;

Capabilities hubspotCapabilities() {
  Capabilities caps;
  // ---- triggers
  caps.set(C::TriggerForm, S::Native,
           "EVENT_BASED enrolment on a form submission (event 4-1639801) filtered by "
           "`hs_form_id`; DEPLOY.md resolves the form's GUID")
      .set(C::TriggerTagAdded, S::Native, "a change of the tag's property `mac_tag_<tag>` to true")
      .set(C::TriggerListJoined, S::Native, "a list-membership trigger (IN_LIST)")
      .set(C::TriggerFieldChanged, S::Native, "a property-change event (4-655002) on the property")
      .set(C::TriggerFieldChangedTo, S::Native,
           "a property-change event (4-655002) on the property with the new value")
      .set(C::TriggerEvent, S::Native,
           "a custom behavioral event; its definition is in assets/events/ and DEPLOY.md "
           "resolves its type id")
      .set(C::TriggerSchedule, S::Native,
           "a DAILY `enrollmentSchedule` over the contacts that pass the `require` filters")
      .set(C::MultipleTriggers, S::Native,
           "any of the triggers enrols (a schedule cannot share a flow with other triggers)");
  // ---- enrolment and exit
  caps.set(C::ReenrollNever, S::Native, "`shouldReEnroll: false`")
      .set(C::ReenrollAfter, S::Approximated,
           "`shouldReEnroll: true`: HubSpot re-enrols on every new trigger, the minimum gap "
           "is not enforced")
      .set(C::Dedupe, S::Approximated,
           "HubSpot enrols a contact record once at a time and deduplicates contacts by email "
           "only; other keys are not enforced")
      .set(C::FlowThrottle, S::Approximated,
           "not enforced: HubSpot workflows have no enrolment rate limit (the rate is only "
           "written into the workflow's description)")
      .set(C::EnvThrottle, S::Approximated,
           "not enforced: HubSpot workflows have no enrolment rate limit (the rate is only "
           "written into the workflow's description)")
      .set(C::Goal, S::Native, "`goalFilterBranch` (any goal ends the enrolment)")
      .set(C::EnrolmentFilter, S::Native, "`refinementCriteria` of the enrolment triggers");
  // ---- policies
  caps.set(C::QuietHours, S::Approximated,
           "the workflow's execution windows (`timeWindows`, every day outside the quiet "
           "window) hold every action, not only the channel's sends, in the HubSpot account's "
           "time zone rather than the recipient's")
      .set(C::SuppressUnsubscribed, S::Native,
           "HubSpot never sends marketing messages to unsubscribed contacts")
      .set(C::SuppressList, S::Native, "`suppressionListIds`")
      .set(C::SuppressSegment, S::Native, "the segment's active list in `suppressionListIds`")
      .set(C::RequireConsentPolicy, S::Native,
           "a branch on the consent property before every marketing send of the channel")
      .set(C::SafeMode, S::Native,
           "a branch on membership of the seed list (a segment becomes an active list) before "
           "every send");
  // ---- conditions
  caps.set(C::Branch, S::Native, "a LIST_BRANCH action; branches rejoin with GOTO edges")
      .set(C::CondCompare, S::Native,
           "a property filter (number, bool, enumeration, text equality); comparing dates is "
           "refused case by case")
      .set(C::CondText, S::Native, "CONTAINS / STARTS_WITH / ENDS_WITH property filters")
      .set(C::CondIsSet, S::Native, "IS_KNOWN / IS_UNKNOWN property filters")
      .set(C::CondConsent, S::Native,
           "a filter on the consent declaration's opt-in property (not HubSpot's "
           "subscription status)")
      .set(C::CondInList, S::Native, "an IN_LIST filter")
      .set(C::CondInSegment, S::Native, "an IN_LIST filter on the segment's active list")
      .set(C::CondHasTag, S::Native, "a filter on the tag's property `mac_tag_<tag>`")
      .set(C::CondRuntimeFlag, S::Native, "the flag's `when` condition as filters");
  // ---- steps
  caps.set(C::SendEmail, S::Native, "send marketing email (0-4) with the bound email id")
      .set(C::SendSms, S::Approximated,
           "send SMS (0-40900952) with the bound SMS id: the action type comes from workflows "
           "HubSpot exports, not from its published spec, and needs the SMS add-on")
      .set(C::SendPush, S::Unsupported, "HubSpot has no push messages")
      .set(C::Wait, S::Native, "a delay (0-1) in whole minutes, hours or days")
      .set(C::WaitUntil, S::Approximated,
           "a delay (0-1) until the next time of day in the HubSpot account's time zone, not "
           "the recipient's")
      .set(C::WaitEvent, S::Native,
           "a wait for the custom event (0-29) with the timeout as `expiration_minutes`")
      .set(C::Webhook, S::Approximated,
           "a WEBHOOK action: HubSpot posts the whole contact record, not only `payload`, and "
           "retries on its own schedule (up to 3 days), not `retry`; literal headers, "
           "`dead_letter` and `alert` are not sent; one secret header becomes `authSettings`")
      .set(C::AssignOwner, S::Native,
           "round_robin: rotate to an owner of the team (0-11); user: set "
           "`hubspot_owner_id`; DEPLOY.md resolves the team or owner id")
      .set(C::AddTag, S::Native, "sets the tag's property `mac_tag_<tag>` to true (0-5)")
      .set(C::RemoveTag, S::Native, "sets the tag's property `mac_tag_<tag>` to false (0-5)")
      .set(C::AddToList, S::Native, "add to static list (0-63809083)")
      .set(C::RemoveFromList, S::Native, "remove from static list (0-63863438)")
      .set(C::SetField, S::Native, "set property value (0-5)")
      .set(C::Increment, S::Native, "set property value (0-5) with an INCREMENT value")
      .set(C::Notify, S::Approximated,
           "an in-app notification (0-9) to the HubSpot team named like the channel, not a "
           "chat message")
      .set(C::EmitEvent, S::Unsupported,
           "HubSpot workflows have no action that sends a custom event (only the events API "
           "does); send it from the system that consumes it")
      .set(C::Stop, S::Native, "the path ends (no `connection`)");
  return caps;
}

class HubspotBackend final : public Backend {
public:
  HubspotBackend() : capabilities_(hubspotCapabilities()) {}
  std::string_view name() const override { return "hubspot"; }
  std::string_view platform() const override { return "HubSpot"; }
  const Capabilities &capabilities() const override { return capabilities_; }

  bool emit(BuildContext &ctx, OutputSink &out) const override {
    hubspot::HubspotEmitter emitter(ctx);
    bool ok = true;
    for (uint32_t i = 0; i < ctx.program().flows.size(); ++i) {
      hubspot::json body;
      if (!emitter.flow(sema::FlowId{i}, body)) {
        ok = false;
        continue;
      }
      std::string path = "flows/" + ctx.program().flows[i].name + ".json";
      writeJson(out, path, body);
      emitter.addFlowFile(path);
    }
    emitter.assets(out);
    return ok;
  }

private:
  Capabilities capabilities_;
};

} // namespace

std::unique_ptr<Backend> createHubspotBackend() { return std::make_unique<HubspotBackend>(); }

} // namespace mac::backend
