// isKnownTimeZone over icu::TimeZone::getCanonicalID.
#include "contacts/time_zones.h"

#include <unicode/timezone.h>
#include <unicode/unistr.h>

namespace mac::contacts {

bool isKnownTimeZone(std::string_view id) {
  icu::UnicodeString canonical;
  UBool isSystemId = false;
  UErrorCode status = U_ZERO_ERROR;
  icu::TimeZone::getCanonicalID(
      icu::UnicodeString::fromUTF8(icu::StringPiece(id.data(), static_cast<int32_t>(id.size()))),
      canonical, isSystemId, status);
  return U_SUCCESS(status) && isSystemId;
}

} // namespace mac::contacts
