// Read-only views of the original source that the printer needs where the
// AST keeps a value but not its spelling: literals as written, the position
// of range-less properties (`transactional;`, `on;`), the braces of blocks.
// A small scanner skips strings and comments; it never sees ANTLR. When the
// AST was synthesized (no source), every query answers "unknown".
#pragma once

#include "compiler/base/source_manager.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace mac::format {

/// An offset that is not known (no source, or not found).
constexpr uint32_t kNoOffset = UINT32_MAX;

class SourceText {
public:
  explicit SourceText(std::string_view text) : text_(text) {}

  /// True when `range` points into the source (a synthesized node has none).
  bool has(const SourceRange &range) const {
    return !text_.empty() && range.end > range.begin && range.end <= text_.size();
  }
  std::string_view slice(uint32_t begin, uint32_t end) const;
  std::string_view slice(const SourceRange &range) const { return slice(range.begin, range.end); }
  /// [begin, end) without whitespace and comments (`- 5` → `-5`, `10 / min` → `10/min`).
  std::string compact(uint32_t begin, uint32_t end) const;
  /// [begin, end) without comments, runs of whitespace made one space.
  std::string words(uint32_t begin, uint32_t end) const;
  /// First `c` in [from, to) outside strings and comments, or kNoOffset.
  uint32_t find(uint32_t from, uint32_t to, char c) const;
  /// The end of the statement whose last value ends at `from`: just past the
  /// next `;`, or `from` itself when there is none.
  uint32_t statementEnd(uint32_t from) const;
  /// Offsets in [from, to) where a statement starts with the words `words`
  /// (e.g. {"run", "for"}), i.e. after `{`, `;` or `}` with only whitespace
  /// and comments between; strings and comments are skipped.
  std::vector<uint32_t> statementsStarting(uint32_t from, uint32_t to,
                                           const std::vector<std::string_view> &words) const;
  /// The `}` matching the `{` at `open`, or kNoOffset.
  uint32_t matchingBrace(uint32_t open) const;
  /// True when [begin, end) holds at least one empty line (two newlines).
  bool blankLineBetween(uint32_t begin, uint32_t end) const;
  /// True when [begin, end) holds only spaces, tabs and comments, no newline
  /// outside a block comment.
  bool sameLine(uint32_t begin, uint32_t end) const;
  size_t size() const { return text_.size(); }

private:
  /// If a string or comment starts at `at`, returns the offset just past it; else `at`.
  uint32_t skipOpaque(uint32_t at) const;
  /// Skips whitespace and comments from `at`.
  uint32_t skipTrivia(uint32_t at, uint32_t to) const;

  std::string_view text_;
};

} // namespace mac::format
