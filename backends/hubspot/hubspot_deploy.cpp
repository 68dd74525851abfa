// DEPLOY.md for HubSpot: the API calls in the order they must run, the
// asset files each call sends, and the `${kind:name}` placeholders (form
// GUIDs, custom event type ids, team and owner ids) that only the account
// knows and that must be replaced in the flow files before they are created.
#include "backends/hubspot/hubspot.h"

namespace mac::backend::hubspot {

namespace {

std::string bullets(const std::map<std::string, std::string> &files, std::string_view prefix) {
  std::string out;
  for (const auto &[path, contents] : files)
    if (path.rfind(prefix, 0) == 0)
      out += "   - `" + path + "`\n";
  return out.empty() ? "   - (none)\n" : out;
}

const char *resolveHow(const std::string &kind) {
  if (kind == "form")
    return "the form's GUID (`GET /marketing/v3/forms`, match `name`)";
  if (kind == "event")
    return "the `objectTypeId` returned when its definition was created in step 3 "
           "(e.g. `6-66540117`)";
  if (kind == "team")
    return "the team's id (`GET /settings/v3/users/teams`, match `name`)";
  return "the owner's id (`GET /crm/v3/owners`, match name or email)";
}

} // namespace

std::string HubspotEmitter::deployPlan(const std::map<std::string, std::string> &files) const {
  std::string env(ctx_.environment().name());
  std::string md = "# Deploy plan: HubSpot, environment `" + env + "`\n\n";
  md += "Release " + ctx_.releaseTag() +
        ". Every call goes to `https://api.hubapi.com` with a "
        "private-app token that has the `automation`, `crm.objects.contacts.write`, "
        "`crm.schemas.contacts.write` and `crm.lists.write` scopes. Run the steps in order.\n\n";
  md += "1. Create the contact properties: `POST /crm/v3/properties/contacts` with each file "
        "below (HTTP 409 means it already exists: check its type, then go on).\n";
  md += bullets(files, "assets/properties/");
  md += "2. Create the lists that `bindings/hubspot." + env +
        ".json` does not bind yet: `POST /crm/v3/lists` with each file below; add each "
        "returned `listId` to the bindings (`\"list\"` or `\"segment\"`) and build again, "
        "so that the flows carry real ids.\n";
  md += bullets(files, "assets/lists/");
  md += "3. Create the custom event definitions: `POST /events/v3/event-definitions` with "
        "each file below (skip the ones that exist: `GET /events/v3/event-definitions`).\n";
  md += bullets(files, "assets/events/");
  md += "4. Replace these placeholders in the flow files:\n";
  if (placeholders_.empty() && events_.empty())
    md += "   - (none)\n";
  std::set<std::pair<std::string, std::string>> all = placeholders_;
  for (const std::string &event : events_)
    all.insert({"event", event});
  for (const auto &[kind, name] : all)
    md += "   - `" + deployPlaceholder(kind, name) + "`: " + resolveHow(kind) + "\n";
  md += "5. Create each workflow, disabled: `POST /automation/v4/flows` with each file below; "
        "keep the returned `id`.\n";
  for (const std::string &path : flowFiles_)
    md += "   - `" + path + "`\n";
  if (flowFiles_.empty())
    md += "   - (none)\n";
  md += "6. Review each workflow in HubSpot, then enable it: `PUT /automation/v4/flows/{id}` "
        "with the body returned by `GET /automation/v4/flows/{id}` and `\"isEnabled\": true`.\n\n";
  md += "Not enforced by HubSpot (see the MAC7002 warnings of this build): enrolment "
        "throttles, the minimum gap of `reenroll after`, `dedupe by` keys other than email.\n";
  return md;
}

} // namespace mac::backend::hubspot
