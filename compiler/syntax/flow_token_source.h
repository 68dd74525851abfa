// A hand-written lexer for the Flow language that feeds ANTLR's parser the
// very tokens grammar/FlowLexer.g4 defines: the same types, channels,
// code-point start and stop indices, lines, columns and texts, token for
// token (proven over the repository's corpus and random input by
// test/unit/token_source_test.cpp, and on every input by the parser fuzz
// target). ANTLR's generated lexer simulates the grammar's automaton one code
// point at a time, under a lock, on UTF-32 text; it was a third of all the
// instructions of `mac check`. This one scans the UTF-8 bytes directly with
// the lexer core of token_scanner.h (shared with the recursive-descent fast
// path) and only wraps each match in a CommonToken.
#pragma once

#include "compiler/syntax/token_scanner.h"

#include <antlr4-runtime.h>

#include <string_view>

namespace mac::syntax {

class FlowTokenSource : public antlr4::TokenSource {
public:
  /// A leading byte order mark is skipped and not counted, as ANTLR's input
  /// stream drops it.
  explicit FlowTokenSource(std::string_view text);

  std::unique_ptr<antlr4::Token> nextToken() override;
  size_t getLine() const override { return line_; }
  size_t getCharPositionInLine() override { return column_; }
  /// There is no character stream: every token carries its own text.
  antlr4::CharStream *getInputStream() override { return nullptr; }
  std::string getSourceName() override { return "<flow>"; }
  antlr4::TokenFactory<antlr4::CommonToken> *getTokenFactory() override;

private:
  std::string_view text_;
  size_t pos_ = 0;       ///< byte offset of the next token
  size_t codePoint_ = 0; ///< its index in code points, ANTLR's start index
  size_t line_ = 1;      ///< 1-based, as ANTLR counts: one per '\n'
  size_t column_ = 0;    ///< code points since the last '\n'
};

} // namespace mac::syntax
