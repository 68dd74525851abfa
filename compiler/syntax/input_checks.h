// Checks on a file's raw bytes before any token is made: size (MAC0005) and
// UTF-8 validity (MAC0004). ANTLR 4.9 throws on bad UTF-8 without a position,
// so nothing reaches the lexer unchecked.
#pragma once

#include "compiler/diag/engine.h"

#include <string_view>
#include <vector>

namespace mac::syntax {

/// Reports MAC0005 and returns false when `text` is over `maxBytes`.
bool checkSize(std::string_view text, FileId file, uint32_t maxBytes, diag::Engine &diags);
/// Reports MAC0004 at the first invalid byte and returns false when `text` is not UTF-8.
bool checkUtf8(std::string_view text, FileId file, diag::Engine &diags);

/// The UTF-8 byte order mark, which a file may start with (editors on Windows
/// write it); it is not part of the text's tokens.
inline constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

/// Maps ANTLR's code-point indices to byte offsets of the UTF-8 text.
class OffsetMap {
public:
  explicit OffsetMap(std::string_view text);
  uint32_t byteOffset(size_t codePointIndex) const;

private:
  bool ascii_ = true;
  uint32_t size_ = 0;
  std::vector<uint32_t> offsets_; // filled only for non-ASCII text
};

} // namespace mac::syntax
