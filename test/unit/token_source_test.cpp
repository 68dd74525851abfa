// FlowTokenSource gives exactly the tokens of ANTLR's generated FlowLexer
// (test/support/lexer_equivalence.h): on every file of the repository that
// holds Flow text (.flow files, and the lit tests, whose split-file sections
// are Flow), on hand-picked edge cases of every rule, and on 30,000 random
// strings over an alphabet chosen to make the rules collide.
#include "test/support/corpus.h"
#include "test/support/lexer_equivalence.h"

#include <gtest/gtest.h>

#include <llvm/ADT/StringRef.h>
#include <llvm/Support/ConvertUTF.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

namespace {

using mac::test::isUtf8;

TEST(TokenSource, SameTokensAsAntlrOnTheCorpus) {
  size_t files = 0, bytes = 0;
  for (const std::filesystem::path &path : mac::test::flowCorpusFiles()) {
    std::string text = mac::test::readFile(path);
    if (!isUtf8(text))
      continue; // parseFile rejects it before lexing (MAC0004)
    EXPECT_EQ(mac::test::firstLexerDifference(text), "") << path;
    ++files;
    bytes += text.size();
  }
  EXPECT_GT(files, 300u) << "the corpus was not found under " << MAC_SOURCE_DIR;
  EXPECT_GT(bytes, 500000u);
}

TEST(TokenSource, SameTokensOnEdgeCases) {
  const char *cases[] = {
      "",
      " ",
      "\n",
      "\r\n\t\f x",
      "a",
      "_",
      "add",
      "addr",
      "add-on",
      "a-",
      "a-b-",
      "a--b",
      "a-1-b",
      "x-y.z",
      "1",
      "12",
      "1.",
      "1..2",
      "1.5",
      "1.5.",
      "1.2.3",
      "1.2.3-",
      "1.2.3-rc",
      "1.2.3-rc.",
      "1.2.3-rc.1.x",
      "1.2.3x",
      "1.2.3-4.5.6",
      "1.5h",
      "1.5h2_x",
      "30d",
      "30_d",
      "1._",
      "1.5.2h",
      "12:30",
      "12:",
      "12:30:45",
      "2026-03-02",
      "2026-03-0",
      "2026-03-02T",
      "2026-03-02T10",
      "2026-03-02T10:",
      "2026-03-02T10:00",
      "2026-03-02T10:00:",
      "2026-03-02T10:00:59",
      "2026-03-02T10:00:59:1",
      "20260-03-02",
      "2026-3-02",
      "2026-03-02x",
      "2026x",
      "0x1F",
      "\"\"",
      "\"a\"",
      "\"a",
      "\"a\nb\"",
      "\"\\\"\"",
      "\"\\",
      "\"\\\n\"",
      "\"a\\é\"",
      "\"é\"",
      "\"\"\"\"\"\"",
      "\"\"\"a\"\"\"",
      "\"\"\"a\n\"b\" \"\"\"",
      "\"\"\"abc",
      "\"\"\"\"",
      "\"\"\"\"\"",
      "\"\"\"a\"\"\"\"",
      "//",
      "// x\r\ny",
      "/",
      "/*",
      "/* x",
      "/* x */",
      "/*/",
      "/**/",
      "/* */ */",
      "{}()[];:,..?|==!=<=>=<>=/-!",
      "!",
      "!!=",
      "= =",
      "é",
      "😀x",
      "a😀",
      "\xef\xbb\xbf"
      "bundle",
      "\xef\xbb\xbf",
      "\xef\xbb\xbf\n\"é\"",
      "a\xef\xbb\xbf",
      "\"\xe4\xb8\xad\xe6\x96\x87\" 中文",
      "x\n  \"é😀\"\n  y",
      "flow f \"F\" {\n  on tag_added t;\n  wait until 09:00;\n  send welcome;\n}\n"};
  for (const char *text : cases)
    EXPECT_EQ(mac::test::firstLexerDifference(text), "") << "input: `" << text << "`";
  std::string withNul("a\0b", 3);
  EXPECT_EQ(mac::test::firstLexerDifference(withNul), "");
}

TEST(TokenSource, SameTokensOnRandomInput) {
  // Pieces that start, end or break every rule.
  const std::vector<std::string> pieces = {
      "0",  "1",  "9",  "12", "2026", "-",  ".",   "..", ":",      "T",  "t", "a",
      "z",  "_",  "h",  "x-", "add",  "if", "not", "\"", "\"\"\"", "\\", "/", "*",
      "//", "/*", "*/", " ",  "\n",   "\r", "\t",  "=",  "!",      "<",  ">", "{",
      "}",  "(",  ")",  ";",  ",",    "?",  "|",   "é",  "😀",      "中", "#", "\xEF\xBB\xBF"};
  std::mt19937 random(20261122);
  std::uniform_int_distribution<size_t> piece(0, pieces.size() - 1), length(0, 24);
  for (int i = 0; i < 30000; ++i) {
    std::string text;
    for (size_t n = length(random); n > 0; --n)
      text += pieces[piece(random)];
    std::string difference = mac::test::firstLexerDifference(text);
    ASSERT_EQ(difference, "") << "input: `" << text << "`";
  }
}

} // namespace
