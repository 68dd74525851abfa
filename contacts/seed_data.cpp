// Ordinary seed rows: values by field role, then by type. Email domains are
// the reserved example.com/.org/.net plus acme.com for one contact in ten
// (the example bundle's seed-list domain), so safe mode has members.
#include "contacts/seed_data.h"

#include "contacts/contact_columns.h"
#include "contacts/csv_writer.h"
#include "contacts/field_roles.h"
#include "contacts/iso_time.h"
#include "contacts/name_lists.h"
#include "contacts/phone.h"

#include <fmt/format.h>
#include <llvm/ADT/StringExtras.h>

#include <array>

namespace mac::contacts {

namespace {

constexpr std::array<std::string_view, 8> kCompanies{
    "Northwind Traders", "Globex, Inc.", "Initech", "Umbrella Health",
    "Stark Logistics",   "Wayne & Sons", "Hooli",   "Vandelay Industries"};
constexpr std::array<std::array<std::string_view, 4>, 6> kPlaces{
    {{"San Francisco", "CA", "94107", "US"},
     {"New York", "NY", "10001", "US"},
     {"Austin", "TX", "78701", "US"},
     {"Chicago", "IL", "60601", "US"},
     {"Seattle", "WA", "98101", "US"},
     {"Boston", "MA", "02108", "US"}}};
constexpr std::array<std::string_view, 4> kStreets{"Market St", "Main Street", "Oak Avenue",
                                                   "5th Ave, Suite 200"};
constexpr std::array<std::string_view, 4> kZones{"America/New_York", "America/Chicago",
                                                 "America/Denver", "America/Los_Angeles"};
constexpr std::array<std::string_view, 4> kSources{"web_form:contact_us", "web_form:webinar",
                                                   "import:trade_show_2025", "api:checkout"};
constexpr std::array<std::string_view, 4> kCampaigns{"spring_launch", "webinar_q2", "retargeting",
                                                     "newsletter"};
constexpr std::array<std::string_view, 4> kDomains{"example.com", "example.org", "example.net",
                                                   "mail.example.com"};

/// `Fernández` → `fernandez`, `O'Brien` → `obrien`: the ASCII local part of
/// an email address.
std::string asciiLocalPart(const std::string &name) {
  static constexpr std::array<std::pair<std::string_view, char>, 7> kFold{
      {{"á", 'a'}, {"é", 'e'}, {"í", 'i'}, {"ó", 'o'}, {"ú", 'u'}, {"ü", 'u'}, {"ñ", 'n'}}};
  std::string out;
  for (size_t i = 0; i < name.size();) {
    bool folded = false;
    for (const auto &[from, to] : kFold)
      if (std::string_view(name).substr(i).starts_with(from)) {
        out += to, i += from.size(), folded = true;
        break;
      }
    if (folded)
      continue;
    char c = name[i++];
    if (llvm::isAlnum(c) || c == '.')
      out += llvm::toLower(c);
  }
  return out;
}

template <class Array> std::string pick(SeedRow &row, const Array &values) {
  return std::string(values[row.next(values.size())]);
}

/// A time in 2025, the seed data's year.
std::string seedDateTime(SeedRow &row) {
  constexpr int64_t kStart = 1735689600; // 2025-01-01T00:00:00Z
  return formatIsoTime(kStart + static_cast<int64_t>(row.next(365 * 86400))) + "Z";
}

std::string valueByType(const sema::Field &field, SeedRow &row) {
  switch (field.type) {
  case sema::FieldType::Number:
    return std::to_string(row.next(101));
  case sema::FieldType::Bool:
    return row.chance(50) ? "true" : "false";
  case sema::FieldType::Date:
    return seedDateTime(row).substr(0, 10);
  case sema::FieldType::DateTime:
    return seedDateTime(row);
  case sema::FieldType::Enum:
    return field.enumValues.empty() ? "" : field.enumValues[row.next(field.enumValues.size())];
  case sema::FieldType::Phone:
    return ""; // filled with the person below
  case sema::FieldType::Email:
    return ""; // idem
  case sema::FieldType::Text:
    return row.chance(80) ? fmt::format("{} {}", field.name, row.index) : "";
  }
  return "";
}

} // namespace

EdgeCase edgeCaseOf(uint64_t index) {
  switch (index % kEdgePeriod) {
  case 1:
    return EdgeCase::NoConsent;
  case 3:
    return EdgeCase::ConsentWithoutTimestamp;
  case 5:
    return EdgeCase::PartialAddress;
  case 7:
  case 8:
  case 9:
    return EdgeCase::DuplicatePhone;
  case 11:
    return EdgeCase::InternationalPhone;
  case 13:
    return EdgeCase::InvalidEmail;
  case 15:
    return EdgeCase::UnknownTimeZone;
  default:
    return EdgeCase::None;
  }
}

void fillOrdinaryRow(const sema::Program &program, const SeedOptions &options, SeedRow &row) {
  std::string first = pick(row, kFirstNames), last = pick(row, kLastNames);
  std::string domain = row.chance(10) ? "acme.com" : pick(row, kDomains);
  std::string local = asciiLocalPart(first + "." + last);
  std::string email = fmt::format("{}.{}@{}", local, row.index, domain);
  auto place = kPlaces[row.next(kPlaces.size())];
  bool consented = true; // no consent is an edge case (seed_edge_cases.cpp)
  std::string consentTime = seedDateTime(row);
  for (uint32_t i = 0; i < program.fields.size(); ++i) {
    const sema::Field &field = program.fields[i];
    std::string &cell = row.cells[i];
    switch (fieldRole(program, sema::FieldId{i})) {
    case FieldRole::FirstName:
      cell = first;
      break;
    case FieldRole::LastName:
      cell = last;
      break;
    case FieldRole::FullName:
      cell = first + " " + last;
      break;
    case FieldRole::Company:
      cell = pick(row, kCompanies);
      break;
    case FieldRole::Street:
      cell = fmt::format("{} {}", 1 + row.next(999), pick(row, kStreets));
      break;
    case FieldRole::City:
      cell = std::string(place[0]);
      break;
    case FieldRole::State:
      cell = std::string(place[1]);
      break;
    case FieldRole::PostalCode:
      cell = std::string(place[2]);
      break;
    case FieldRole::Country:
      cell = std::string(place[3]);
      break;
    case FieldRole::ConsentFlag:
      cell = consented ? "true" : "false";
      break;
    case FieldRole::ConsentTimestamp:
      cell = consented ? consentTime : "";
      break;
    case FieldRole::ConsentSource:
      cell = consented ? pick(row, kSources) : "";
      break;
    case FieldRole::UtmParameter:
      cell = row.chance(60) ? pick(row, kCampaigns) : "";
      break;
    case FieldRole::Other:
      if (field.type == sema::FieldType::Email)
        cell = email;
      else if (field.type == sema::FieldType::Phone)
        cell = makeMobileNumber(options.region, row.rng()).international;
      else
        cell = valueByType(field, row);
      break;
    }
  }
  size_t fields = program.fields.size();
  for (size_t t = 0; t < program.tags.size(); ++t)
    if (row.chance(20))
      row.cells[fields] += (row.cells[fields].empty() ? "" : ";") + program.tags[t].name;
  for (size_t l = 0; l < program.lists.size(); ++l)
    if (row.chance(15))
      row.cells[fields + 1] += (row.cells[fields + 1].empty() ? "" : ";") + program.lists[l].name;
  row.cells[fields + 2] = pick(row, kZones);
}

void writeSeedData(const sema::Program &program, const SeedOptions &options,
                   llvm::raw_ostream &out) {
  CsvWriter csv(out);
  std::vector<std::string> header = canonicalContactColumns(program);
  csv.writeRow(header);
  for (uint64_t i = 0; i < options.count; ++i) {
    SeedRow row;
    row.index = i;
    row.rng.seed(options.seed * 0x9E3779B97F4A7C15ULL + i);
    row.cells.assign(header.size(), "");
    fillOrdinaryRow(program, options, row);
    if (options.edgeCases)
      applyEdgeCase(program, options, edgeCaseOf(i), row);
    csv.writeRow(row.cells);
  }
}

} // namespace mac::contacts
