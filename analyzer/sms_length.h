// SMS segment arithmetic (3GPP TS 23.038): a text is sent in GSM-7 when every
// character is in the basic table or its extension table, else in UCS-2. In
// GSM-7 a basic character costs one septet and an extension character
// (`^ { } \ [ ~ ] |`, `€` and form feed) two; one segment holds 160 septets.
// In UCS-2 every UTF-16 code unit counts (an emoji is two); one segment holds
// 70. Placeholders count as their `default:` text, or as nothing when they
// have none, so the length is a lower bound and never overstated.
#pragma once

#include "analyzer/template_placeholders.h"

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace mac::analyzer {

enum class SmsEncoding : uint8_t { Gsm7, Ucs2 };

struct SmsLength {
  SmsEncoding encoding = SmsEncoding::Gsm7;
  uint32_t units = 0;        ///< GSM-7 septets or UTF-16 code units
  uint32_t segmentLimit = 0; ///< 160 (GSM-7) or 70 (UCS-2)
  /// The first character outside GSM-7, as a value offset of the template
  /// text (inside a placeholder: the placeholder's offset) and its length.
  std::optional<std::pair<uint32_t, uint32_t>> firstNonGsm;
};

/// Septets a code point costs in GSM-7: 1 (basic table), 2 (extension table)
/// or 0 (not representable: the message needs UCS-2).
uint32_t gsm7Septets(char32_t codePoint);

/// The length of an SMS whose template text is `text`.
SmsLength smsLength(std::string_view text, const std::vector<Placeholder> &placeholders);

std::string_view smsEncodingName(SmsEncoding encoding); ///< "GSM-7" or "UCS-2"

} // namespace mac::analyzer
