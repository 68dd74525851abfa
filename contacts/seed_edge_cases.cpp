// The edge cases of `mac seed-data --edge-cases` (docs/stage-data.md), each
// applied over an ordinary row. The three rows of a duplicate-phone group
// (slots 7, 8, 9 of a period) share one number drawn from a stream seeded by
// the group, and write it as `+1 415-555-0101`, `(415) 555-0101`, `4155550101`.
#include "contacts/field_roles.h"
#include "contacts/phone.h"
#include "contacts/seed_data.h"

#include <array>

namespace mac::contacts {

namespace {

struct Region {
  std::string_view code, zone;
};
constexpr std::array<Region, 8> kInternational{{{"GB", "Europe/London"},
                                                {"DE", "Europe/Berlin"},
                                                {"FR", "Europe/Paris"},
                                                {"JP", "Asia/Tokyo"},
                                                {"BR", "America/Sao_Paulo"},
                                                {"IN", "Asia/Kolkata"},
                                                {"MX", "America/Mexico_City"},
                                                {"AU", "Australia/Sydney"}}};
constexpr std::array<std::string_view, 4> kUnknownZones{"America/Springfield", "Mars/Olympus_Mons",
                                                        "Pacific Standard Time", "Europe/Atlantis"};

/// Sets every field of `role` in the row.
void setRole(const sema::Program &program, SeedRow &row, FieldRole role, const std::string &text) {
  for (uint32_t i = 0; i < program.fields.size(); ++i)
    if (fieldRole(program, sema::FieldId{i}) == role)
      row.cells[i] = text;
}

/// The index of the first field of `type`, or -1.
int firstOfType(const sema::Program &program, sema::FieldType type) {
  for (size_t i = 0; i < program.fields.size(); ++i)
    if (program.fields[i].type == type)
      return static_cast<int>(i);
  return -1;
}

void partialAddress(const sema::Program &program, SeedRow &row) {
  int kept = -1;
  for (uint32_t i = 0; i < program.fields.size(); ++i) {
    FieldRole role = fieldRole(program, sema::FieldId{i});
    if (role == FieldRole::City || (kept < 0 && isAddressRole(role) && role != FieldRole::City))
      kept = static_cast<int>(i);
  }
  for (uint32_t i = 0; i < program.fields.size(); ++i)
    if (isAddressRole(fieldRole(program, sema::FieldId{i})) && static_cast<int>(i) != kept)
      row.cells[i].clear();
}

void duplicatePhone(const sema::Program &program, const SeedOptions &options, SeedRow &row) {
  int phone = firstOfType(program, sema::FieldType::Phone);
  if (phone < 0)
    return;
  std::mt19937_64 group(options.seed * 0xC2B2AE3D27D4EB4FULL + row.index / kEdgePeriod);
  PhoneSpellings number = makeMobileNumber(options.region, group());
  switch (row.index % kEdgePeriod) {
  case 7:
    row.cells[phone] = number.international;
    break;
  case 8:
    row.cells[phone] = number.national;
    break;
  default:
    row.cells[phone] = number.digits;
    break;
  }
}

std::string invalidEmail(const std::string &valid, SeedRow &row) {
  size_t at = valid.find('@');
  std::string local = valid.substr(0, at), domain = valid.substr(at + 1);
  switch (row.next(5)) {
  case 0:
    return local + "@";
  case 1:
    return local + " @" + domain;
  case 2:
    return local + "." + domain;
  case 3:
    return local + "@@" + domain;
  default:
    return local + "@" + domain.substr(0, domain.find('.'));
  }
}

} // namespace

void applyEdgeCase(const sema::Program &program, const SeedOptions &options, EdgeCase edge,
                   SeedRow &row) {
  size_t timezone = program.fields.size() + 2;
  switch (edge) {
  case EdgeCase::None:
    return;
  case EdgeCase::NoConsent:
    setRole(program, row, FieldRole::ConsentFlag, "false");
    setRole(program, row, FieldRole::ConsentTimestamp, "");
    setRole(program, row, FieldRole::ConsentSource, "");
    return;
  case EdgeCase::ConsentWithoutTimestamp:
    setRole(program, row, FieldRole::ConsentFlag, "true");
    setRole(program, row, FieldRole::ConsentTimestamp, "");
    setRole(program, row, FieldRole::ConsentSource, "import:legacy_crm");
    return;
  case EdgeCase::PartialAddress:
    return partialAddress(program, row);
  case EdgeCase::DuplicatePhone:
    return duplicatePhone(program, options, row);
  case EdgeCase::InternationalPhone: {
    int phone = firstOfType(program, sema::FieldType::Phone);
    const Region &region = kInternational[row.next(kInternational.size())];
    if (phone >= 0)
      row.cells[phone] = makeMobileNumber(std::string(region.code), row.rng()).international;
    row.cells[timezone] = std::string(region.zone);
    return;
  }
  case EdgeCase::InvalidEmail:
    if (int email = firstOfType(program, sema::FieldType::Email); email >= 0)
      row.cells[email] = invalidEmail(row.cells[email], row);
    return;
  case EdgeCase::UnknownTimeZone:
    row.cells[timezone] = std::string(kUnknownZones[row.next(kUnknownZones.size())]);
    return;
  }
}

} // namespace mac::contacts
