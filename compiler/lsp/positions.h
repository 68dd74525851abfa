// Every conversion between LSP positions and byte offsets, in one place.
// LSP counts a line's characters in UTF-16 code units (a character outside
// the Basic Multilingual Plane, such as an emoji, counts two); the compiler
// counts bytes of UTF-8. LineIndex maps one text both ways, decoding with
// LLVM's ConvertUTF; bytes that are not valid UTF-8 count one unit each.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace mac::lsp {

/// A zero-based line and a zero-based column in UTF-16 code units.
struct Position {
  uint32_t line = 0;
  uint32_t character = 0;
  friend bool operator==(const Position &, const Position &) = default;
};

/// The UTF-16 length of `utf8` (what LSP calls its character count).
uint32_t utf16Length(std::string_view utf8);

/// The byte length of the longest prefix of `utf8` whose UTF-16 length is at
/// most `units` (a position inside a surrogate pair rounds down).
uint32_t bytesForUtf16(std::string_view utf8, uint32_t units);

/// Line starts of one text, to convert positions in both directions. The
/// text must outlive the index. Lines end at "\n" ("\r\n" counts as the end).
class LineIndex {
public:
  explicit LineIndex(std::string_view text);

  /// The LSP position of byte `offset` (clamped to the text's end).
  Position position(uint32_t offset) const;
  /// The byte offset of an LSP position; a line past the end gives the text's
  /// end and a character past the line's end gives the line's end.
  uint32_t offset(Position position) const;
  uint32_t lineCount() const { return static_cast<uint32_t>(starts_.size()); }

private:
  /// The bytes of line `line` without its terminator.
  std::string_view line(uint32_t line) const;

  std::string_view text_;
  std::vector<uint32_t> starts_;
};

} // namespace mac::lsp
