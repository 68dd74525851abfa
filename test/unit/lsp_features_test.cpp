// Unit tests for the pieces of the LSP features that no transcript reaches
// one by one: the reserved words agree with the grammar (every keyword but
// those can be a name), and the completion context (blocks, statement,
// the word being typed, open strings and comments).
#include "compiler/lsp/features/completion_context.h"
#include "compiler/lsp/features/keywords.h"
#include "compiler/syntax/parse.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

using namespace mac;
using namespace mac::lsp::features;

namespace {

bool parsesAsTagName(std::string_view word) {
  SourceManager sources;
  FileId id = sources.addFile("t.flow", "/t.flow", "tag " + std::string(word) + ";\n");
  diag::Engine diags;
  std::unique_ptr<ast::File> file = syntax::parseFile(sources, id, diags);
  return !diags.hasErrors() && file && file->decls.size() == 1 && file->decls[0]->name.text == word;
}

std::vector<std::string> texts(const std::vector<Token> &tokens) {
  std::vector<std::string> out;
  for (const Token &token : tokens)
    out.emplace_back(token.text);
  return out;
}

} // namespace

TEST(LspKeywords, OnlyReservedKeywordsCannotBeNames) {
  for (std::string_view word : keywords())
    EXPECT_EQ(parsesAsTagName(word), !isReserved(word)) << word;
  EXPECT_TRUE(isKeyword("send"));
  EXPECT_FALSE(isKeyword("welcome"));
}

TEST(LspKeywords, Identifiers) {
  EXPECT_TRUE(isIdentifier("lead_status"));
  EXPECT_TRUE(isIdentifier("_x9"));
  EXPECT_TRUE(isIdentifier("send")); // a keyword, but not reserved
  EXPECT_FALSE(isIdentifier("9lives"));
  EXPECT_FALSE(isIdentifier("if"));
  EXPECT_FALSE(isIdentifier("lead-status"));
  EXPECT_FALSE(isIdentifier("é"));
  EXPECT_FALSE(isIdentifier(""));
}

TEST(LspCompletionContext, BlocksAndStatement) {
  std::string text = "flow f {\n  on event \"a;{\"; // x { y\n  if a == 1 {\n    add tag vi";
  CompletionContext context = completionContext(text, static_cast<uint32_t>(text.size()));
  EXPECT_EQ(context.blocks, (std::vector<std::string_view>{"flow", "if"}));
  EXPECT_EQ(texts(context.statement), (std::vector<std::string>{"add", "tag"}));
  EXPECT_EQ(context.prefix, "vi");
  EXPECT_EQ(context.replaceBegin, text.size() - 2);
  EXPECT_FALSE(context.inString);
}

TEST(LspCompletionContext, ClosedBlocksAndElse) {
  std::string text = "flow f {\n  if a {\n    stop;\n  } else {\n    ";
  CompletionContext context = completionContext(text, static_cast<uint32_t>(text.size()));
  EXPECT_EQ(context.blocks, (std::vector<std::string_view>{"flow", "else"}));
  EXPECT_TRUE(context.statement.empty());
  EXPECT_EQ(context.prefix, "");
}

TEST(LspCompletionContext, OpenStringAndComments) {
  std::string text = "segment s where status == \"Pro\" ;";
  uint32_t cursor = static_cast<uint32_t>(text.find("Pro") + 3);
  CompletionContext context = completionContext(text, cursor);
  EXPECT_TRUE(context.inString);
  EXPECT_EQ(context.prefix, "\"Pro");
  EXPECT_EQ(context.replaceEnd, cursor + 1); // the closing quote
  EXPECT_EQ(texts(context.statement),
            (std::vector<std::string>{"segment", "s", "where", "status", "=="}));

  EXPECT_TRUE(completionContext("tag a; /* open", 14).nothing);
  EXPECT_TRUE(completionContext("tag a; // line", 14).nothing);
  EXPECT_TRUE(completionContext("email e { body \"\"\"\n  hi", 24).nothing);
  EXPECT_FALSE(completionContext("tag a; // line\n", 15).nothing);
}
