// How the printer spells values: as written in the source when the node has
// a source range (strings byte for byte, escapes and `"""` included; numbers,
// durations, clocks, rates and dates as typed), and in a canonical spelling
// when the AST was synthesized (e.g. by `mac import`), re-escaping strings.
#pragma once

#include "compiler/ast/ast.h"
#include "compiler/format/source_text.h"

#include <string>

namespace mac::format {

class Spelling {
public:
  explicit Spelling(const SourceText &source) : source_(source) {}

  const SourceText &source() const { return source_; }
  /// `"…"` or `"""…"""` exactly as written; synthesized: the value, escaped.
  std::string str(const ast::StringLit &lit) const;
  /// Any literal value (string, number, bool, date, date-time, clock, duration).
  std::string literal(const ast::Literal &lit) const;
  /// A duration token in [begin, end) of the source, or `seconds` spelt canonically.
  std::string duration(uint32_t begin, uint32_t end, int64_t seconds) const;
  /// `10/min` as written, or canonical.
  std::string rate(const ast::Rate &rate) const;
  /// A date, date and clock, or date-time of a test, as written (one space).
  std::string when(const ast::TestTime &time) const;
  /// `HH:MM` of `minutes` since midnight.
  static std::string clock(uint32_t minutes);
  /// The shortest exact spelling of `seconds` (`90m`, `2d`, `1w`).
  static std::string canonicalDuration(int64_t seconds);
  /// The value of a string literal escaped and quoted.
  static std::string quote(std::string_view value);

private:
  const SourceText &source_;
};

} // namespace mac::format
