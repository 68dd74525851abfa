// Where the cursor stands, for completion, read from the buffer's text
// alone (while typing, the file rarely parses): a small lexer runs over the
// text before the cursor (comments and strings skipped, `"""` included) and
// tracks the blocks the cursor is in and the tokens of the statement it is
// typing. The word being typed is not part of the statement: it is the
// prefix that completion replaces.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace mac::lsp::features {

struct Token {
  enum class Kind : uint8_t { Word, Number, String, Symbol };
  Kind kind = Kind::Word;
  std::string_view text;
  uint32_t begin = 0, end = 0;
};

struct CompletionContext {
  /// The first word of the header of each enclosing `{ }` block, outermost
  /// first: `flow`, `if`, `else`, `env`, `contact`, …; empty at top level.
  std::vector<std::string_view> blocks;
  /// The tokens of the current statement before the word being typed.
  std::vector<Token> statement;
  /// The text completion replaces: the word being typed (possibly empty,
  /// then both are the cursor), or an open string from its quote.
  uint32_t replaceBegin = 0, replaceEnd = 0;
  std::string_view prefix;
  bool inString = false; ///< the cursor is in a `"` string opened at replaceBegin
  bool nothing = false;  ///< in a comment or a `"""` string: nothing to offer
};

/// Reads the context of byte `cursor` of `text`.
CompletionContext completionContext(std::string_view text, uint32_t cursor);

} // namespace mac::lsp::features
