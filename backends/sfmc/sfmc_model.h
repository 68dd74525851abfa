// How the Salesforce Marketing Cloud backend models a bundle's contacts, and
// the helpers its files share. Journey Builder reads and writes contact data
// in data extensions, so one "contact data extension" per environment holds
// every field of the bundle plus one Boolean column per tag and per list (SFMC
// contacts have no tags, and journeys cannot join or leave lists). Decisions
// read the columns as Contact attributes; UPDATECONTACTDATA writes them; the
// journeys' API entry events are stored in the same data extension. Its
// server id is only known after it is created, so the payloads carry the
// visible placeholder `deploy:dataExtensionId:<key>` that DEPLOY.md says to
// replace.
#pragma once

#include "backends/build_context.h"

#include <nlohmann/json.hpp>

#include <string>

namespace mac::backend::sfmc {

/// The contact data extension's customer key (also its name): "<env>_<bundle>_contacts".
std::string contactDataExtensionKey(const BuildContext &ctx);
/// The placeholder that stands for the contact data extension's id.
std::string contactDataExtensionId(const BuildContext &ctx);
/// The Contact attribute path of a column: `Contact.Attribute.<DE>.<column>`.
std::string attributeKey(const BuildContext &ctx, std::string_view column);
/// The Boolean column of a tag or list: its binding, else `tag_<name>` / `list_<name>`.
std::string membershipColumn(const BuildContext &ctx, sema::AssetRef asset);
/// A literal as SFMC filter and update values write it ("true", "42", "MQL").
std::string valueText(const sema::Value &value);
/// "prod_lead_intake_lead_intake": the journey key (environment, bundle, flow).
std::string journeyKey(const BuildContext &ctx, const sema::Flow &flow);
/// The entry event definition key of a journey.
std::string eventDefinitionKey(const BuildContext &ctx, const sema::Flow &flow);

/// The Windows time zone id SFMC WAIT activities and schedules take, for a
/// quiet-hours zone: a known IANA name maps exactly; `recipient_local`,
/// `account_local` and unknown names fall back to kDefaultTimeZone (`exact`
/// is then false).
std::string windowsTimeZone(std::string_view zone, bool &exact);
/// The fixed zone used where Journey Builder cannot use the recipient's:
/// the westernmost US zone, so a time there is never earlier than the same
/// clock time in any other US zone.
inline constexpr std::string_view kDefaultTimeZone = "Hawaiian Standard Time";

/// "HH:MM" of minutes since midnight.
std::string clockText(int64_t minutes);

} // namespace mac::backend::sfmc
