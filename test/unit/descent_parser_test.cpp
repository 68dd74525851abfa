// The recursive-descent fast path keeps its contract
// (test/support/parser_equivalence.h): wherever it accepts a text, the ANTLR
// path reports nothing and builds the same AST, ranges included. Checked on
// every Flow text of the repository (.flow files and the split-file sections
// of lit tests; more directories with MAC_PARSER_CORPUS=dir:dir), on edge
// cases of every grammar rule, and on thousands of mutations of corpus files
// (tokens deleted, duplicated, swapped, replaced). The fast path must also
// accept every corpus text ANTLR parses cleanly, or it silently stays slow.
#include "test/support/corpus.h"
#include "test/support/parser_equivalence.h"

#include "compiler/syntax/token_scanner.h"

#include <gtest/gtest.h>

#include <llvm/Support/ConvertUTF.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

namespace {

namespace fs = std::filesystem;

using mac::test::readFile;

/// Valid UTF-8 without NUL bytes: what both parsers get past the input checks.
bool isUtf8(const std::string &text) {
  return mac::test::isUtf8(text) && text.find('\0') == std::string::npos;
}

struct CorpusText {
  std::string name;
  std::string text;
};

/// The `//--- name` sections of a split-file lit test that hold Flow.
void addSections(const std::string &name, const std::string &text,
                 std::vector<CorpusText> &corpus) {
  std::string current, body;
  auto flush = [&] {
    if (!current.empty() && current.size() > 5 && current.substr(current.size() - 5) == ".flow")
      corpus.push_back({name + ":" + current, body});
  };
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind("//--- ", 0) == 0) {
      flush();
      current = line.substr(6);
      body.clear();
    } else if (!current.empty()) {
      body += line + "\n";
    }
  }
  flush();
}

std::vector<CorpusText> loadCorpus() {
  std::vector<CorpusText> corpus;
  std::vector<fs::path> roots;
  for (const char *dir : {"docs", "test", "stdlib", "editors"})
    roots.push_back(fs::path(MAC_SOURCE_DIR) / dir);
  if (const char *extra = std::getenv("MAC_PARSER_CORPUS")) {
    std::stringstream dirs(extra);
    for (std::string dir; std::getline(dirs, dir, ':');)
      if (!dir.empty())
        roots.push_back(dir);
  }
  for (const fs::path &root : roots) {
    if (!fs::exists(root))
      continue;
    for (const fs::directory_entry &entry : fs::recursive_directory_iterator(root)) {
      std::string extension = entry.path().extension().string();
      if (!entry.is_regular_file() || (extension != ".flow" && extension != ".test"))
        continue;
      std::string text = readFile(entry.path());
      if (!isUtf8(text))
        continue; // parseFile rejects it before either path runs (MAC0004)
      corpus.push_back({entry.path().string(), text});
      if (extension == ".test")
        addSections(entry.path().string(), text, corpus);
    }
  }
  return corpus;
}

const std::vector<CorpusText> &corpus() {
  static const std::vector<CorpusText> texts = loadCorpus();
  return texts;
}

TEST(DescentParser, AgreesWithAntlrOnTheCorpus) {
  size_t clean = 0, accepted = 0, bytes = 0;
  std::vector<std::string> declinedClean;
  for (const CorpusText &entry : corpus()) {
    mac::test::ParserComparison result = mac::test::compareParsers(entry.text);
    EXPECT_EQ(result.difference, "") << entry.name;
    clean += result.antlrClean;
    accepted += result.accepted;
    bytes += entry.text.size();
    if (result.antlrClean && !result.accepted)
      declinedClean.push_back(entry.name);
  }
  std::printf("[ corpus   ] %zu texts (%zu bytes), %zu clean under ANTLR, %zu accepted by the "
              "fast path, %zu clean ones declined\n",
              corpus().size(), bytes, clean, accepted, declinedClean.size());
  for (const std::string &name : declinedClean)
    ADD_FAILURE() << "the fast path declined a file ANTLR parses cleanly: " << name;
  EXPECT_GT(corpus().size(), 350u) << "the corpus was not found under " << MAC_SOURCE_DIR;
  EXPECT_GT(clean, 150u);
}

// One text per alternative of every rule of FlowParser.g4, each valid: the
// fast path must accept it and agree with ANTLR.
TEST(DescentParser, AcceptsEveryRule) {
  const char *cases[] = {
      "",
      "// only a comment\n/* and a block */",
      "\xef\xbb\xbftag t \"T\"; // after a byte order mark, é",
      "bundle b { version 1.2.3; release \"r\"; targets klaviyo, sfmc; senders \"a\", \"b\"; }",
      "bundle b \"B\" { version 0.10.2; } bundle d { version 1.2.3-rc.1; }",
      "use std.tcpa; use a.b.c; use \"lib/x.flow\"; use \"\"\"x.flow\"\"\";",
      "env prod \"P\" { prefix \"p_\"; safe_mode on; throttle 10/min; production; }",
      "env e { throttle 1/sec; throttle 2/hour; throttle 3/day; throttle 4/week; }",
      "field f: text; field g \"G\": number? = -2.5; field h: enum(\"a\", \"b\")? = \"a\";",
      "field d: date = 2026-02-28; field t: datetime = 2026-02-28T10:00:59; field c: x = 09:30;",
      "field w: duration = 3d; field b: bool = true; field n: bool = false; field e: enum;",
      "field i: number = 12; field j: number = - 3;",
      "consent email { field ok; timestamp at; source src; }",
      "tag t; tag u \"U\"; list l; list m \"\"\"M\"\"\";",
      "segment s where true; segment t \"T\" where a == 1 and not (b != \"x\" or c < 3);",
      "segment s where a <= 1 or a >= 2 or a > 3 or a < 4 and a == -5.5;",
      "segment s where consent email and flag beta and in list l and in segment t and has tag x;",
      "segment s where x in [1, \"a\", 2026-01-01] and y contains \"a\" and z starts_with \"b\" "
      "and w ends_with \"c\" and v is set and u is empty;",
      "segment s where not not not true; segment t where (((a == 1)));",
      "segment s where consent == 1 or flag == 2 or has == 3 or consent contains \"x\";",
      "segment s where flag contains and consent starts_with or has is set;",
      "segment s where (a == 1 or b == 2) and (c == 3);",
      "email e \"E\" { from \"a@b\"; subject \"S\"; body \"B\"; body file \"f.html\"; "
      "unsubscribe one_click; transactional; }",
      "sms s { text \"Hi {{first_name}}\"; transactional; } push p { title \"T\"; text \"X\"; "
      "transactional; }",
      "webhook w \"W\" { method POST; url \"https://x\"; url staging \"https://y\"; header \"A\" "
      "\"B\"; header \"C\" secret \"D\"; payload a, b; retry 3 backoff 30s; dead_letter \"q\"; "
      "alert \"ops\"; }",
      "flag f { when a == 1; envs prod, staging; off; on; }",
      "policy p \"P\" { quiet_hours sms 21:00..08:00 recipient_local; quiet_hours email "
      "9:00..10:00 \"Europe/Paris\"; quiet_hours push 1:00..2:00; suppress unsubscribed; "
      "suppress list l; suppress segment s; require consent email; }",
      "flow f \"F\" { on form_submitted \"Contact\"; on tag_added t; on list_joined l; on "
      "field_changed x; on field_changed y to 5; on event \"e\"; on schedule daily at 09:00; }",
      "flow f { reenroll never; reenroll after 30d; dedupe by a, b; throttle 5/hour; goal a == "
      "1; require b == 2; require consent email; quiet_hours sms 21:00..08:00; suppress "
      "unsubscribed; }",
      "flow f { on event \"e\"; set x = 1; send e; wait 2h; wait until 09:30; wait for event "
      "\"x\" timeout 3d; call w; assign owner sales \"team\"; add tag t; remove tag t; add to "
      "list l; remove from list l; increment n by 2; increment n by -1.5; notify \"c\" \"m\"; "
      "emit event \"x\"; stop; }",
      "flow f { if a == 1 { stop; } if b == 1 { send x; } else { stop; } if c == 1 { } else if "
      "d == 2 { wait 1h; } else if e == 3 { if f == 4 { stop; } } else { } }",
      "lint { disable unused-tag, MAC2001; error x-y; warning z; info a-b-c; }",
      "test t \"T\" { env staging; contact { email = \"a@b\"; score = 3; timezone \"UTC\"; tag "
      "vip; list l; tag = 1; timezone = \"x\"; } at 2026-03-02 tag_added t; at 2026-03-02 10:00 "
      "event \"e\"; at 2026-03-02T10:00 form_submitted \"F\"; run for 7d; }",
      "test t { expect sent welcome; expect not sent welcome within 2h; expect called w at "
      "2026-01-01; expect not called w between 2026-01-01 and 2026-01-02 09:00; expect enrolled "
      "f; expect not enrolled f; expect score == 3; expect not sent == 1; expect sent contains "
      "\"x\"; expect has tag vip; }",
      "flow add { on tag_added tag; send send; set set = 1; } tag flow; list list;",
      "segment s where email == \"a\\\"b\\n\\t\\u{1F600}\\\\\";",
      "email e { body \"\"\"\n    Hello\n      {{first_name}}\n    \"\"\"; }",
      "flow f { on event \"x\"; // mac-ignore MAC2001: why\n  send a; }\n"
      "// mac-ignore unused-tag\ntag t;\n// mac-ignore x\n",
      "segment s where (a == 1) or (b == 2);\nsegment t where not (a == 1);",
  };
  for (const char *text : cases) {
    mac::test::ParserComparison result = mac::test::compareParsers(text);
    EXPECT_TRUE(result.antlrClean) << "not a valid case: `" << text << "`";
    EXPECT_TRUE(result.accepted) << "declined: `" << text << "`";
    EXPECT_EQ(result.difference, "") << "input: `" << text << "`";
  }
}

// Texts the fast path may decline (errors, bad literals, deep nesting,
// ambiguities it leaves to ANTLR): whatever it does, the contract holds.
TEST(DescentParser, KeepsTheContractOnBadInput) {
  const char *cases[] = {
      "tag",
      "tag t",
      "tag t;;",
      "flow f { on event \"x\" }",
      "flow f { wait 1.5d; }",
      "flow f { wait 3x; }",
      "flow f { wait until 25:00; }",
      "env e { throttle 0/min; }",
      "env e { throttle 1/year; }",
      "bundle b { version 01.2.3; }",
      "bundle b { version 1.2; }",
      "bundle b { version 7; }",
      "field d: date = 2026-02-30;",
      "field d: date = 2025-02-29;",
      "field t: datetime = 2026-02-28T24:00;",
      "segment s where a == \"\\q\";",
      "segment s where a == \"\\u{D800}\";",
      "segment s where a == \"unterminated;",
      "segment s where a == 1 b == 2;",
      "segment s where consent contains \"x\" \"y\";",
      "segment s where has tag;",
      "segment s where ((a == 1);",
      "segment s where a == 1);",
      "flow f { if a == 1 { stop; } else }",
      "flow f { if a == 1 { stop; } else if { } }",
      "test t { expect sent; }",
      "test t { expect sent x y; }",
      "test t { expect sent within 2h; }",
      "test t { at 2026-13-01 event \"e\"; }",
      "test t { at 2026-01-01 25:00 event \"e\"; }",
      "lint { disable; }",
      "webhook w { retry x backoff 3s; }",
      "webhook w { retry 3 backoff 3.5s; }",
      "flow f { on schedule daily at 24:61; }",
      "policy p { quiet_hours sms 9:0..10:00; }",
      "a | b",
      "é",
      "tag t; !",
      "}",
      "{{{{",
  };
  for (const char *text : cases)
    EXPECT_EQ(mac::test::firstParserDifference(text), "") << "input: `" << text << "`";
}

TEST(DescentParser, DeclinesBeyondTheNestingLimit) {
  auto parens = [](int depth) {
    return "segment s where " + std::string(depth, '(') + "true" + std::string(depth, ')') + ";";
  };
  mac::test::ParserComparison deep = mac::test::compareParsers(parens(129));
  EXPECT_FALSE(deep.accepted);
  EXPECT_FALSE(deep.antlrClean);
  mac::test::ParserComparison limit = mac::test::compareParsers(parens(128));
  EXPECT_TRUE(limit.accepted);
  EXPECT_EQ(limit.difference, "");
  std::string nots = "segment s where ";
  for (int i = 0; i < 200; ++i)
    nots += "not ";
  nots += "true;";
  EXPECT_FALSE(mac::test::compareParsers(nots).accepted);
  mac::syntax::ParseLimits tight;
  tight.maxNesting = 2;
  EXPECT_FALSE(mac::test::compareParsers(parens(3), tight).accepted);
  EXPECT_TRUE(mac::test::compareParsers(parens(1), tight).accepted);
}

// Mutations of corpus files at token boundaries: most break the text (the
// fast path must decline), some keep it valid (it must then agree). For a
// longer run: MAC_PARSER_MUTATIONS=ROUNDS[:SEED].
TEST(DescentParser, KeepsTheContractOnMutatedFiles) {
  unsigned long rounds = 6000, seed = 20261122;
  if (const char *setting = std::getenv("MAC_PARSER_MUTATIONS")) {
    char *rest = nullptr;
    rounds = std::strtoul(setting, &rest, 10);
    if (rest && *rest == ':')
      seed = std::strtoul(rest + 1, nullptr, 10);
  }
  std::vector<const CorpusText *> sources;
  for (const CorpusText &entry : corpus())
    if (entry.text.size() < 12000 && entry.name.find(".flow") != std::string::npos)
      sources.push_back(&entry);
  ASSERT_GT(sources.size(), 100u);
  std::mt19937 random(seed);
  size_t accepted = 0, total = 0, clean = 0;
  for (unsigned long round = 0; round < rounds; ++round) {
    const std::string &text = sources[random() % sources.size()]->text;
    std::vector<mac::syntax::ScannedToken> tokens, comments;
    mac::syntax::scanTokens(text, tokens, comments);
    tokens.pop_back(); // the end
    if (tokens.size() < 2)
      continue;
    size_t a = random() % tokens.size(), b = random() % tokens.size();
    auto piece = [&](size_t i) {
      return text.substr(tokens[i].begin, tokens[i].end - tokens[i].begin);
    };
    // Tokens where the grammar needs lookahead or nests.
    static const char *const tricky[] = {
        "not",      "(",     ")",    "and",    "or",       "consent", "flag",       "has",    "tag",
        "contains", "\"s\"", "sent", "called", "enrolled", "require", "else",       "if",     "in",
        "[",        "]",     "-",    ",",      ";",        "{",       "}",          "to",     "at",
        "is",       "set",   "==",   "1",      "2h",       "09:00",   "2026-01-01", "within", "="};
    std::string mutated;
    switch (random() % 5) {
    case 0: // delete a token
      mutated = text.substr(0, tokens[a].begin) + text.substr(tokens[a].end);
      break;
    case 1: // duplicate a token
      mutated = text.substr(0, tokens[a].end) + " " + piece(a) + text.substr(tokens[a].end);
      break;
    case 2: { // swap a token with the next one
      size_t i = std::min(a, tokens.size() - 2);
      mutated = text.substr(0, tokens[i].begin) + piece(i + 1) +
                text.substr(tokens[i].end, tokens[i + 1].begin - tokens[i].end) + piece(i) +
                text.substr(tokens[i + 1].end);
      break;
    }
    case 3: // replace a token with another one of the file
      mutated = text.substr(0, tokens[a].begin) + piece(b) + text.substr(tokens[a].end);
      break;
    default: // insert a tricky token
      mutated = text.substr(0, tokens[a].begin) + tricky[b % std::size(tricky)] + " " +
                text.substr(tokens[a].begin);
      break;
    }
    mac::test::ParserComparison result = mac::test::compareParsers(mutated);
    ASSERT_EQ(result.difference, "") << "mutated text:\n" << mutated;
    accepted += result.accepted;
    clean += result.antlrClean;
    if (result.antlrClean && !result.accepted && std::getenv("MAC_PARSER_SHOW_DECLINED"))
      std::printf("declined, though clean:\n%s\n", mutated.c_str());
    ++total;
  }
  std::printf("[ mutants  ] %zu mutated texts, %zu clean under ANTLR, %zu accepted by the fast "
              "path\n",
              total, clean, accepted);
  EXPECT_GT(accepted, total / 50);
}

} // namespace
