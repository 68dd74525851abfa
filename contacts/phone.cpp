// libphonenumber behind a small API: PhoneNumberUtil is a process-wide
// singleton and its metadata carries one example number per region and type.
#include "contacts/phone.h"

#include <phonenumbers/phonenumberutil.h>

namespace mac::contacts {

using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;

std::optional<std::string> toE164(std::string_view text, const std::string &region) {
  const PhoneNumberUtil &util = *PhoneNumberUtil::GetInstance();
  PhoneNumber number;
  if (util.Parse(std::string(text), region, &number) != PhoneNumberUtil::NO_PARSING_ERROR ||
      !util.IsValidNumber(number))
    return std::nullopt;
  std::string out;
  util.Format(number, PhoneNumberUtil::E164, &out);
  return out;
}

int countryCodeOf(const std::string &e164) {
  const PhoneNumberUtil &util = *PhoneNumberUtil::GetInstance();
  PhoneNumber number;
  if (util.Parse(e164, "ZZ", &number) != PhoneNumberUtil::NO_PARSING_ERROR)
    return 0;
  return number.country_code();
}

PhoneSpellings makeMobileNumber(const std::string &region, uint64_t random) {
  const PhoneNumberUtil &util = *PhoneNumberUtil::GetInstance();
  PhoneNumber example;
  if (!util.GetExampleNumberForType(region, PhoneNumberUtil::MOBILE, &example))
    util.GetExampleNumber(region, &example);
  // Replace the last four digits; keep the first candidate the metadata
  // accepts, else the example itself (always valid).
  PhoneNumber number = example;
  for (int attempt = 0; attempt < 8; ++attempt, random /= 10000) {
    PhoneNumber candidate = example;
    candidate.set_national_number(example.national_number() / 10000 * 10000 + random % 10000);
    if (util.IsValidNumber(candidate)) {
      number = candidate;
      break;
    }
  }
  PhoneSpellings out;
  util.Format(number, PhoneNumberUtil::E164, &out.e164);
  util.Format(number, PhoneNumberUtil::INTERNATIONAL, &out.international);
  util.Format(number, PhoneNumberUtil::NATIONAL, &out.national);
  util.GetNationalSignificantNumber(number, &out.digits);
  return out;
}

} // namespace mac::contacts
