// Unit tests for literal decoding: every rule of LANGUAGE.md §1's literals.
#include "compiler/syntax/literals.h"

#include <gtest/gtest.h>

using namespace mac::syntax;

namespace {
template <class T> bool failed(const Decoded<T> &d) { return std::holds_alternative<LiteralError>(d); }
} // namespace

TEST(Literals, Durations) {
  EXPECT_EQ(std::get<int64_t>(decodeDuration("30s")), 30);
  EXPECT_EQ(std::get<int64_t>(decodeDuration("15m")), 900);
  EXPECT_EQ(std::get<int64_t>(decodeDuration("2h")), 7200);
  EXPECT_EQ(std::get<int64_t>(decodeDuration("2d")), 172800);
  EXPECT_EQ(std::get<int64_t>(decodeDuration("1w")), 604800);
  EXPECT_TRUE(failed(decodeDuration("3x")));
  EXPECT_TRUE(failed(decodeDuration("3days")));
  EXPECT_TRUE(failed(decodeDuration("99999999999999999999d")));
}

TEST(Literals, Clocks) {
  EXPECT_EQ(std::get<uint32_t>(decodeClock("21:00")), 21u * 60);
  EXPECT_EQ(std::get<uint32_t>(decodeClock("8:05")), 8u * 60 + 5);
  EXPECT_TRUE(failed(decodeClock("24:00")));
  EXPECT_TRUE(failed(decodeClock("12:60")));
  EXPECT_TRUE(failed(decodeClock("12:5")));
}

TEST(Literals, RatesVersionsDates) {
  EXPECT_EQ(std::get<int64_t>(decodeRateUnit("min")), 60);
  EXPECT_TRUE(failed(decodeRateUnit("minute")));
  EXPECT_EQ(std::get<std::string>(decodeVersion("2.4.1-pre.1")), "2.4.1-pre.1");
  EXPECT_TRUE(failed(decodeVersion("2.4")));
  EXPECT_TRUE(failed(decodeVersion("02.4.1")));
  EXPECT_FALSE(failed(decodeDate("2024-02-29")));
  EXPECT_TRUE(failed(decodeDate("2026-02-29")));
  EXPECT_TRUE(failed(decodeDate("2026-13-01")));
  EXPECT_FALSE(failed(decodeDateTime("2026-02-01T10:00")));
  EXPECT_TRUE(failed(decodeDateTime("2026-02-01T25:00")));
}

TEST(Literals, StringEscapesMapBackToSource) {
  auto decoded = decodeString(R"("a\"b\u{e9}c")", mac::FileId{0}, 100);
  ASSERT_FALSE(failed(decoded));
  const auto &lit = std::get<mac::ast::StringLit>(decoded);
  EXPECT_EQ(lit.value, "a\"b\xc3\xa9" "c");
  // `c` is value byte 5 and source byte 100 + 11.
  EXPECT_EQ(lit.rangeOf(5, 6).begin, 111u);
  EXPECT_TRUE(failed(decodeString(R"("bad \q")", mac::FileId{0}, 0)));
  EXPECT_TRUE(failed(decodeString(R"("\u{D800}")", mac::FileId{0}, 0)));
}

TEST(Literals, TripleQuotedStringsLoseCommonIndentation) {
  auto decoded = decodeString("\"\"\"\n    <p>Hi</p>\n      <a>x</a>\n  \"\"\"", mac::FileId{0}, 0);
  ASSERT_FALSE(failed(decoded));
  const auto &lit = std::get<mac::ast::StringLit>(decoded);
  EXPECT_EQ(lit.value, "<p>Hi</p>\n  <a>x</a>");
  // `<a>` starts at value byte 12; in the source after `"""\n` (4 bytes) and
  // `    <p>Hi</p>\n` (14 bytes) and 6 spaces.
  EXPECT_EQ(lit.rangeOf(12, 13).begin, 4u + 14u + 6u);
}
