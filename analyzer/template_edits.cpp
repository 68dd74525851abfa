// Message and fix helpers of the template checks.
#include "analyzer/template_edits.h"

namespace mac::analyzer {

std::string shownInMessage(std::string_view text, size_t limit) {
  std::string out;
  bool cut = text.size() > limit;
  if (cut) {
    size_t end = limit;
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80)
      --end; // never split a UTF-8 sequence
    text = text.substr(0, end);
  }
  for (char c : text)
    out += c == '\n' || c == '\t' || c == '\r' ? ' ' : c;
  return cut ? out + "…" : out;
}

bool isTripleQuoted(const SourceManager &sources, const sema::Text &text) {
  if (!text.range.isValid() || text.range.end - text.range.begin < 6)
    return false;
  return sources.text(text.range.file).substr(text.range.begin).starts_with("\"\"\"");
}

SourceRange endOfValue(const SourceManager &sources, const sema::Text &text) {
  bool triple = isTripleQuoted(sources, text);
  uint32_t quote = text.range.end - (triple ? 3 : 1);
  SourceRange beforeQuote{text.range.file, quote, quote};
  if (!triple || text.value.empty())
    return beforeQuote;
  // A triple-quoted literal ends with a dedented line break and blanks that
  // are not part of the value: append right after the value's last byte,
  // unless that byte came from an escape sequence.
  uint32_t size = static_cast<uint32_t>(text.value.size());
  SourceRange last = text.rangeOf(size - 1, size);
  std::string_view source = sources.text(text.range.file);
  if (last.end == 0 || last.end > source.size() || source[last.end - 1] != text.value.back())
    return beforeQuote;
  return SourceRange{last.file, last.end, last.end};
}

std::string escapedForLiteral(std::string_view text, bool tripleQuoted) {
  if (tripleQuoted)
    return std::string(text);
  std::string out;
  for (char c : text) {
    if (c == '"' || c == '\\')
      out += '\\';
    out += c;
  }
  return out;
}

std::string indentationAt(const SourceManager &sources, FileId file, uint32_t offset) {
  std::string_view line = sources.lineText(file, sources.lineColumn(file, offset).line);
  size_t blanks = line.find_first_not_of(" \t");
  return std::string(line.substr(0, blanks == std::string_view::npos ? line.size() : blanks));
}

} // namespace mac::analyzer
