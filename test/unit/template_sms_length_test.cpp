// Unit tests for the SMS length count: the GSM-7 basic and extension
// tables, UCS-2 code units, placeholders at their fallback, the 160/70
// segment limits and the position of the first non-GSM character.
#include "analyzer/sms_length.h"

#include <gtest/gtest.h>

using namespace mac::analyzer;

namespace {

SmsLength lengthOf(std::string_view text) {
  return smsLength(text, scanPlaceholders(text).placeholders);
}

} // namespace

TEST(TemplateSmsLength, Gsm7Tables) {
  EXPECT_EQ(gsm7Septets(U'a'), 1u);
  EXPECT_EQ(gsm7Septets(U'@'), 1u);
  EXPECT_EQ(gsm7Septets(U'\n'), 1u);
  EXPECT_EQ(gsm7Septets(U'é'), 1u);
  EXPECT_EQ(gsm7Septets(U'Δ'), 1u);
  EXPECT_EQ(gsm7Septets(U'¿'), 1u);
  for (char32_t c : {U'^', U'{', U'}', U'\\', U'[', U'~', U']', U'|', U'€', U'\f'})
    EXPECT_EQ(gsm7Septets(c), 2u) << static_cast<uint32_t>(c);
  for (char32_t c : {U'`', U'\t', U'á', U'ç', U'’', U'✨', U'😀'})
    EXPECT_EQ(gsm7Septets(c), 0u) << static_cast<uint32_t>(c);
}

TEST(TemplateSmsLength, Gsm7CountsExtensionCharactersTwice) {
  SmsLength length = lengthOf("Price: 5€ [sale]");
  EXPECT_EQ(length.encoding, SmsEncoding::Gsm7);
  EXPECT_EQ(length.units, 19u); // 16 characters, three of them from the extension table
  EXPECT_EQ(length.segmentLimit, 160u);
  EXPECT_FALSE(length.firstNonGsm.has_value());
}

TEST(TemplateSmsLength, Ucs2CountsUtf16Units) {
  std::string text = "Sale ✨ now 😀";
  SmsLength length = lengthOf(text);
  EXPECT_EQ(length.encoding, SmsEncoding::Ucs2);
  EXPECT_EQ(length.units, 13u); // 11 BMP characters + a surrogate pair for the emoji
  EXPECT_EQ(length.segmentLimit, 70u);
  ASSERT_TRUE(length.firstNonGsm.has_value());
  EXPECT_EQ(length.firstNonGsm->first, 5u);
  EXPECT_EQ(length.firstNonGsm->second, 3u); // ✨ is three UTF-8 bytes
}

TEST(TemplateSmsLength, PlaceholdersCountAsTheirFallback) {
  EXPECT_EQ(lengthOf("Hi {{first_name | default: 'there'}}!").units, 9u);
  EXPECT_EQ(lengthOf("Hi {{first_name}}!").units, 4u); // no fallback: counted as nothing
  SmsLength fallbackUcs2 = lengthOf("Hi {{first_name | default: 'amigo ✨'}}");
  EXPECT_EQ(fallbackUcs2.encoding, SmsEncoding::Ucs2);
  ASSERT_TRUE(fallbackUcs2.firstNonGsm.has_value());
  EXPECT_EQ(fallbackUcs2.firstNonGsm->first, 3u);   // the placeholder
  EXPECT_EQ(fallbackUcs2.firstNonGsm->second, 37u); // the whole placeholder
}

TEST(TemplateSmsLength, SegmentBoundaries) {
  EXPECT_EQ(lengthOf(std::string(160, 'a')).units, 160u);
  EXPECT_EQ(lengthOf(std::string(159, 'a') + "€").units, 161u);
  std::string ucs2 = "✨" + std::string(69, 'a');
  EXPECT_EQ(lengthOf(ucs2).units, 70u);
  EXPECT_EQ(smsEncodingName(SmsEncoding::Gsm7), "GSM-7");
  EXPECT_EQ(smsEncodingName(SmsEncoding::Ucs2), "UCS-2");
}
