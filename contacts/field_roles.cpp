// fieldRole: a table of identifiers per role, exact matches only (so that
// `company_name` is not a person's name).
#include "contacts/field_roles.h"

#include <array>
#include <utility>

namespace mac::contacts {

namespace {

constexpr std::array<std::pair<std::string_view, FieldRole>, 24> kRoles{{
    {"first_name", FieldRole::FirstName}, {"firstname", FieldRole::FirstName},
    {"given_name", FieldRole::FirstName}, {"last_name", FieldRole::LastName},
    {"lastname", FieldRole::LastName},    {"family_name", FieldRole::LastName},
    {"surname", FieldRole::LastName},     {"name", FieldRole::FullName},
    {"full_name", FieldRole::FullName},   {"company", FieldRole::Company},
    {"company_name", FieldRole::Company}, {"street", FieldRole::Street},
    {"address", FieldRole::Street},       {"street_address", FieldRole::Street},
    {"address_line1", FieldRole::Street}, {"city", FieldRole::City},
    {"state", FieldRole::State},          {"region", FieldRole::State},
    {"province", FieldRole::State},       {"postal_code", FieldRole::PostalCode},
    {"zip", FieldRole::PostalCode},       {"zip_code", FieldRole::PostalCode},
    {"postcode", FieldRole::PostalCode},  {"country", FieldRole::Country},
}};

} // namespace

FieldRole fieldRole(const sema::Program &program, sema::FieldId field) {
  for (const sema::Consent &consent : program.consents) {
    if (consent.field == field)
      return FieldRole::ConsentFlag;
    if (consent.timestamp == field)
      return FieldRole::ConsentTimestamp;
    if (consent.source == field)
      return FieldRole::ConsentSource;
  }
  std::string_view name = program.field(field).name;
  for (const auto &[identifier, role] : kRoles)
    if (identifier == name)
      return role;
  if (name.starts_with("utm_"))
    return FieldRole::UtmParameter;
  return FieldRole::Other;
}

bool isNameRole(FieldRole role) {
  return role == FieldRole::FirstName || role == FieldRole::LastName || role == FieldRole::FullName;
}

bool isAddressRole(FieldRole role) {
  return role >= FieldRole::Street && role <= FieldRole::Country;
}

} // namespace mac::contacts
