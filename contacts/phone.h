// Phone numbers through libphonenumber: normalising what a CSV cell holds to
// E.164 (so `+1 415-555-0101`, `(415) 555-0101` and `4155550101` are one
// number), and making valid numbers of a region, with their usual spellings,
// for `mac seed-data`.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mac::contacts {

/// The E.164 form of `text` when libphonenumber parses it as a valid number;
/// numbers without a country code are read as numbers of `region` ("US").
std::optional<std::string> toE164(std::string_view text, const std::string &region);

/// The country calling code of an E.164 number (`+447400123456` → 44), or 0.
int countryCodeOf(const std::string &e164);

/// One valid number and the ways people write it.
struct PhoneSpellings {
  std::string e164;          ///< +14155550101
  std::string international; ///< +1 415-555-0101
  std::string national;      ///< (415) 555-0101
  std::string digits;        ///< 4155550101 (the national significant number)
};

/// A valid mobile number of `region` (an ISO 3166 code), derived from
/// libphonenumber's example number with digits taken from `random`.
PhoneSpellings makeMobileNumber(const std::string &region, uint64_t random);

} // namespace mac::contacts
