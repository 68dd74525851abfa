// The one hand-written lexer of the Flow language (grammar/FlowLexer.g4):
// the longest token at a byte offset, with FlowLexer's token type. Two
// consumers share it: FlowTokenSource, the thin adapter that hands ANTLR's
// parser CommonToken objects, and the recursive-descent fast path
// (descent_parser.h), which reads plain `ScannedToken` structs from a vector.
//
// Longest match wins, and among matches of one length the rule written first
// in FlowLexer.g4, exactly as ANTLR decides. The input must be valid UTF-8
// (parseFile checks it first, MAC0004).
#pragma once

#include <llvm/ADT/StringMap.h>

#include <cstdint>
#include <string_view>
#include <vector>

namespace mac::syntax {

/// Every keyword of FlowLexer.g4 and its token type, read once from the
/// generated lexer's vocabulary so that the two can never disagree (also the
/// source of syntax::keywords()).
const llvm::StringMap<size_t> &keywordTokenTypes();

/// The token that starts at a byte offset: its length in bytes and its
/// FlowLexer token type.
struct TokenMatch {
  size_t length = 0;
  size_t type = 0;
};

/// The token of `text` at byte `pos` (`pos < text.size()`).
TokenMatch scanToken(std::string_view text, size_t pos);

/// Whether FlowLexer.g4 sends tokens of `type` to the HIDDEN channel
/// (whitespace and comments).
bool isHiddenToken(size_t type);

/// Where the first token starts: after a leading byte order mark, which
/// ANTLR's input stream drops.
size_t firstTokenOffset(std::string_view text);

/// A token without ANTLR: its FlowLexer type and its bytes [begin, end).
struct ScannedToken {
  uint32_t type = 0;
  uint32_t begin = 0;
  uint32_t end = 0;
};

/// How deep brackets `{ ( [` and runs of `not` nest, token by token: ANTLR's
/// recursive descent, the fast path and every later walk of conditions
/// recurse once per level, so both parsers refuse a file past the limit
/// (MAC0006) before parsing it. Hidden tokens neither count nor end a run of
/// `not`.
class NestingCounter {
public:
  explicit NestingCounter(uint32_t limit) : limit_(limit) {}
  /// Adds the next token of the file; false when it nests past the limit.
  bool add(size_t type, bool hidden);

private:
  uint32_t limit_;
  uint32_t depth_ = 0;
  uint32_t negations_ = 0; ///< a run of `not`: each one nests a condition
};

/// The type of the ScannedToken that ends every scan (FlowLexer's types
/// start at 1).
inline constexpr uint32_t kEndOfText = 0;

/// The tokens of `text` (at most 4 GiB) for the fast path: `tokens` gets
/// every default-channel token and then one kEndOfText token, empty, at the
/// end of the text; `comments` gets the `//` and `/* */` tokens. Whitespace
/// is dropped.
void scanTokens(std::string_view text, std::vector<ScannedToken> &tokens,
                std::vector<ScannedToken> &comments);

} // namespace mac::syntax
