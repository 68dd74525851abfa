// syntax::checkUtf8 skips ASCII eight bytes at a time and judges each
// multi-byte sequence alone; it must accept and reject exactly what
// llvm::isLegalUTF8String over the whole text does, and report MAC0004 at the
// same byte. Checked on edge cases and 50,000 random byte strings built from
// ASCII, valid sequences and broken ones.
#include "compiler/syntax/input_checks.h"

#include <gtest/gtest.h>

#include <llvm/Support/ConvertUTF.h>

#include <random>

namespace {

using namespace mac;

/// What the whole-text check reports: the first bad byte's offset, or -1.
long referenceOffset(const std::string &text) {
  const auto *begin = reinterpret_cast<const llvm::UTF8 *>(text.data());
  const auto *cursor = begin;
  const auto *end = begin + text.size();
  while (cursor < end)
    if (!llvm::isLegalUTF8String(&cursor, end))
      return cursor - begin;
  size_t nul = text.find('\0');
  return nul == std::string::npos ? -1 : static_cast<long>(nul);
}

long checkedOffset(const std::string &text) {
  diag::Engine diags;
  bool ok = syntax::checkUtf8(text, FileId{0}, diags);
  if (ok) {
    EXPECT_TRUE(diags.diagnostics().empty());
    return -1;
  }
  EXPECT_EQ(diags.diagnostics().size(), 1u);
  EXPECT_EQ(diags.diagnostics()[0].code, diag::Code::InvalidEncoding);
  return diags.diagnostics()[0].range.begin;
}

TEST(InputChecks, Utf8AsTheWholeTextCheck) {
  const char *cases[] = {"",
                         "a",
                         "abcdefgh",
                         "abcdefghi\xff",
                         "\xc3\xa9",
                         "\xc3",
                         "abcdefg\xc3",
                         "abcdefgh\xc3\xa9xyz",
                         "\xe2\x82\xac",
                         "\xe2\x82",
                         "\xf0\x9f\x98\x80",
                         "\xf0\x9f\x98",
                         "\xc0\xaf",
                         "\xed\xa0\x80",
                         "\xf4\x90\x80\x80",
                         "\x80",
                         "\xfe",
                         "1234567\x80"};
  for (const char *text : cases)
    EXPECT_EQ(checkedOffset(text), referenceOffset(text)) << "input: `" << text << "`";
  std::string withNul("abc\0d", 5);
  EXPECT_EQ(checkedOffset(withNul), 3);
}

TEST(InputChecks, Utf8OnRandomBytes) {
  const std::vector<std::string> pieces = {"a",
                                           "abcdefgh",
                                           " ",
                                           "\n",
                                           "\xc3\xa9",
                                           "\xe2\x82\xac",
                                           "\xf0\x9f\x98\x80",
                                           "\xc3",
                                           "\xe2\x82",
                                           "\x80",
                                           "\xbf",
                                           "\xff",
                                           "\xc0\xaf",
                                           "\xed\xa0\x80",
                                           "\xf4\x90\x80\x80",
                                           "z"};
  std::mt19937 random(7);
  // Every other text only from the first seven pieces, all valid.
  std::uniform_int_distribution<size_t> piece(0, pieces.size() - 1), validPiece(0, 6),
      length(0, 30);
  for (int i = 0; i < 50000; ++i) {
    std::string text;
    for (size_t n = length(random); n > 0; --n)
      text += pieces[i % 2 ? validPiece(random) : piece(random)];
    ASSERT_EQ(checkedOffset(text), referenceOffset(text)) << "case " << i;
  }
}

} // namespace
