// The printer's output: lines at an indentation of two spaces per block, and
// the comments of the original source put back where they belong. Each
// construct is written with the source offsets it came from; comments before
// it become its leading lines, comments after it on the same source line its
// trailing comment (in one column with those of the lines next to it), and
// comments left before a closing brace the last lines of that block. Empty
// lines between constructs survive, at most one in a row. Offsets are
// kNoOffset for a synthesized AST: then no comment or empty line is looked for.
#pragma once

#include "compiler/format/source_text.h"
#include "compiler/syntax/parse.h"

#include <string>
#include <vector>

namespace mac::format {

class Writer {
public:
  Writer(const SourceText &source, const std::vector<syntax::Comment> &comments);

  /// Columns taken by the indentation of a new line.
  size_t indentWidth() const { return indent_ * 2; }
  /// A construct on its own line (`text` may hold continuation lines,
  /// already indented) that came from source [begin, end).
  void line(uint32_t begin, uint32_t end, std::string_view text);
  /// `header {`, opening a block; the construct starts at `begin`, its `{` is at `brace`.
  void open(uint32_t begin, uint32_t brace, std::string_view header);
  /// `}`, closing the innermost block at source offset `brace`.
  void close(uint32_t brace);
  /// `} middle {`: closes the block at `closeBrace` and opens the one at `openBrace`.
  void closeAndOpen(uint32_t closeBrace, uint32_t openBrace, std::string_view middle);
  /// One empty line unless the output is empty or already ends with one.
  void blankLine();
  /// Writes the comments left at the end of the file; returns the text.
  std::string finish();

private:
  void leading(uint32_t before);
  void trailing();
  void blankBefore(uint32_t begin);
  void writeLine(std::string_view text);
  std::string commentText(const syntax::Comment &comment) const;
  /// The output with the trailing comments of consecutive lines in one column.
  std::string aligned() const;

  const SourceText &source_;
  std::vector<syntax::Comment> comments_;
  size_t next_ = 0;              ///< the first comment not written yet
  uint32_t lastEnd_ = kNoOffset; ///< source end of what was written last
  bool blockStart_ = true;       ///< nothing written yet in this block
  size_t indent_ = 0;
  struct Open {
    size_t mark; ///< output size just after the `{` line
  };
  std::vector<Open> open_;
  std::vector<size_t> trailingAt_; ///< output offsets where trailing comments start
  std::string out_;
};

} // namespace mac::format
