// The proof obligation of compiler/syntax/flow_token_source.h: on `text`,
// FlowTokenSource and ANTLR's generated FlowLexer produce the same tokens —
// type, channel, start and stop (code points), line, column and text — up to
// and including EOF. Shared by the unit test (the repository's corpus, edge
// cases, random input) and the parser fuzz target (every input it tries).
#pragma once

#include "compiler/syntax/flow_token_source.h"

#include "FlowLexer.h"

#include <fmt/format.h>

#include <string>
#include <string_view>

namespace mac::test {

/// Empty when both lexers agree on `text` (valid UTF-8); else the first
/// difference, described.
inline std::string firstLexerDifference(std::string_view text) {
  antlr4::ANTLRInputStream input(text.data(), text.size());
  syntax::gen::FlowLexer antlrLexer(&input);
  antlrLexer.removeErrorListeners();
  syntax::FlowTokenSource ours(text);
  for (size_t index = 0;; ++index) {
    std::unique_ptr<antlr4::Token> expected = antlrLexer.nextToken();
    std::unique_ptr<antlr4::Token> actual = ours.nextToken();
    auto describe = [](const antlr4::Token &t) {
      return fmt::format("type {} channel {} [{}, {}] line {} column {} text `{}`", t.getType(),
                         t.getChannel(), t.getStartIndex(), t.getStopIndex(), t.getLine(),
                         t.getCharPositionInLine(), t.getText());
    };
    std::string want = describe(*expected), got = describe(*actual);
    if (want != got)
      return fmt::format("token {}: ANTLR's lexer gives {}, FlowTokenSource gives {}", index, want,
                         got);
    if (expected->getType() == antlr4::Token::EOF)
      return {};
  }
}

} // namespace mac::test
