// Unit tests for the LSP's UTF-16 ↔ byte conversions (compiler/lsp/positions.h)
// and incremental edits: emoji (surrogate pairs), accents and CJK before the
// cursor, CRLF line ends, clamping, and invalid UTF-8.
#include "compiler/lsp/documents.h"
#include "compiler/lsp/positions.h"
#include "compiler/lsp/uri.h"

#include <gtest/gtest.h>

using namespace mac::lsp;

namespace {

// "é" is 2 bytes / 1 unit, "中文" 3+3 bytes / 2 units, "😀" 4 bytes / 2 units.
constexpr std::string_view kText = "tag a;\n"
                                   "// é 中文 😀 x\n"
                                   "end";

} // namespace

TEST(LspPositions, Utf16LengthCountsSurrogatePairsTwice) {
  EXPECT_EQ(utf16Length("abc"), 3u);
  EXPECT_EQ(utf16Length("é"), 1u);
  EXPECT_EQ(utf16Length("中文"), 2u);
  EXPECT_EQ(utf16Length("😀"), 2u);
  EXPECT_EQ(utf16Length("\xff\xfe"), 2u); // invalid bytes count one unit each
}

TEST(LspPositions, PositionAfterNonAsciiText) {
  LineIndex index(kText);
  uint32_t x = static_cast<uint32_t>(kText.find('x'));
  // "// " 3 + "é" 1 + " " 1 + "中文" 2 + " " 1 + "😀" 2 + " " 1 = 11 units.
  EXPECT_EQ(index.position(x), (Position{1, 11}));
  EXPECT_EQ(index.offset(Position{1, 11}), x);
  // Right after each kind of character.
  uint32_t accent = static_cast<uint32_t>(kText.find("é") + 2);
  EXPECT_EQ(index.position(accent), (Position{1, 4}));
  uint32_t cjk = static_cast<uint32_t>(kText.find("文") + 3);
  EXPECT_EQ(index.position(cjk), (Position{1, 7}));
  uint32_t emoji = static_cast<uint32_t>(kText.find("😀") + 4);
  EXPECT_EQ(index.position(emoji), (Position{1, 10}));
  EXPECT_EQ(index.offset(Position{1, 10}), emoji);
}

TEST(LspPositions, InsideASurrogatePairRoundsDown) {
  LineIndex index(kText);
  uint32_t emoji = static_cast<uint32_t>(kText.find("😀"));
  EXPECT_EQ(index.offset(Position{1, 8}), emoji);
  EXPECT_EQ(index.offset(Position{1, 9}), emoji); // between the two surrogates
}

TEST(LspPositions, RoundTripsEveryCharacterBoundary) {
  LineIndex index(kText);
  for (uint32_t offset = 0; offset <= kText.size(); ++offset) {
    unsigned char byte = offset < kText.size() ? kText[offset] : 0;
    if ((byte & 0xC0) == 0x80)
      continue; // inside a UTF-8 sequence: not a character boundary
    EXPECT_EQ(index.offset(index.position(offset)), offset) << "offset " << offset;
  }
}

TEST(LspPositions, ClampsPastTheEnd) {
  LineIndex index(kText);
  EXPECT_EQ(index.offset(Position{0, 99}), 6u); // the end of "tag a;", before "\n"
  EXPECT_EQ(index.offset(Position{7, 0}), kText.size());
  EXPECT_EQ(index.position(9999), (Position{2, 3}));
  EXPECT_EQ(index.lineCount(), 3u);
}

TEST(LspPositions, CrlfLineEndsAreNotCharacters) {
  LineIndex index("ab\r\ncd");
  EXPECT_EQ(index.offset(Position{0, 5}), 2u);
  EXPECT_EQ(index.position(4), (Position{1, 0}));
}

TEST(LspDocuments, IncrementalEditsAfterEmoji) {
  std::string text = "a 😀 b\nsecond\n";
  // Replace "b" (after the emoji: unit 5) with "é".
  applyChange(text, {Range{{0, 5}, {0, 6}}, "é"});
  EXPECT_EQ(text, "a 😀 é\nsecond\n");
  // Insert across lines, then replace everything.
  applyChange(text, {Range{{0, 6}, {1, 3}}, "!\nsec"});
  EXPECT_EQ(text, "a 😀 é!\nsecond\n");
  applyChange(text, {std::nullopt, "new"});
  EXPECT_EQ(text, "new");
}

TEST(LspUri, RoundTripsPathsWithSpacesAndNonAscii) {
  std::string path = "/tmp/my bundle/é#1.flow";
  std::string uri = pathToUri(path);
  EXPECT_EQ(uri, "file:///tmp/my%20bundle/%C3%A9%231.flow");
  EXPECT_EQ(uriToPath(uri), path);
  EXPECT_EQ(uriToPath("file:///a%2"), std::nullopt);
  EXPECT_EQ(uriToPath("untitled:Untitled-1"), std::nullopt);
  EXPECT_EQ(uriToPath("file://host/share/a.flow"), std::nullopt);
}
