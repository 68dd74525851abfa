// Message and fix helpers of the template checks.
#include "analyzer/template_edits.h"

#include <algorithm>
#include <cctype>

namespace mac::analyzer {

namespace {

/// Splits Flow text into string literals and comments, in order.
void lexSpans(std::string_view source, std::vector<std::pair<size_t, size_t>> &literals,
              std::vector<std::pair<size_t, size_t>> &comments) {
  constexpr size_t npos = std::string_view::npos;
  size_t at = 0;
  while (at < source.size()) {
    std::string_view rest = source.substr(at);
    size_t end = at + 1;
    if (rest.starts_with("//") || rest.starts_with("/*")) {
      bool line = rest[1] == '/';
      end = source.find(line ? "\n" : "*/", at + 2);
      end = end == npos ? source.size() : end + (line ? 0 : 2);
      comments.push_back({at, end});
    } else if (rest.starts_with("\"\"\"")) {
      end = source.find("\"\"\"", at + 3);
      end = end == npos ? source.size() : end + 3;
      literals.push_back({at, end});
    } else if (rest.starts_with("\"")) {
      while (end < source.size() && source[end] != '"')
        end += source[end] == '\\' ? 2 : 1;
      end = std::min(end + 1, source.size());
      literals.push_back({at, end});
    }
    at = end;
  }
}

} // namespace

std::vector<std::pair<size_t, size_t>> stringLiteralSpans(std::string_view source) {
  std::vector<std::pair<size_t, size_t>> literals, comments;
  lexSpans(source, literals, comments);
  return literals;
}

std::optional<std::pair<size_t, size_t>> findStatement(std::string_view source,
                                                       std::string_view keyword) {
  std::vector<std::pair<size_t, size_t>> skipped, comments;
  lexSpans(source, skipped, comments);
  skipped.insert(skipped.end(), comments.begin(), comments.end());
  std::sort(skipped.begin(), skipped.end());
  auto isNameChar = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; };
  size_t next = 0; // the next literal or comment that may cover a match
  for (size_t at = source.find(keyword); at != std::string_view::npos;
       at = source.find(keyword, at + 1)) {
    while (next < skipped.size() && skipped[next].second <= at)
      ++next;
    bool inLiteral = next < skipped.size() && skipped[next].first <= at;
    size_t end = at + keyword.size();
    if (inLiteral || (at > 0 && isNameChar(source[at - 1])) ||
        (end < source.size() && isNameChar(source[end])))
      continue;
    size_t semicolon = source.find(';', end);
    if (semicolon != std::string_view::npos &&
        source.substr(end, semicolon - end).find_first_of("\"{}") == std::string_view::npos)
      return std::pair<size_t, size_t>{at, semicolon + 1};
  }
  return std::nullopt;
}

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

std::optional<diag::Edit> insertionBeforeClosingBrace(const SourceManager &sources,
                                                      SourceRange decl,
                                                      std::string_view statement) {
  std::string_view text = sources.text(decl.file);
  if (decl.end == decl.begin || decl.end > text.size() || text[decl.end - 1] != '}')
    return std::nullopt;
  uint32_t brace = decl.end - 1;
  LineColumn braceAt = sources.lineColumn(decl.file, brace);
  uint32_t lineStart = sources.offsetOf(decl.file, {braceAt.line, 1});
  std::string_view beforeBrace = text.substr(lineStart, brace - lineStart);
  if (beforeBrace.find_first_not_of(" \t") != std::string_view::npos) // `email x { ...; }`
    return diag::Edit{{decl.file, brace, brace}, std::string(statement) + " "};
  // The indentation of the declaration's first property line, else two more blanks.
  std::string indent = std::string(beforeBrace) + "  ";
  LineColumn first = sources.lineColumn(decl.file, decl.begin);
  if (first.line + 1 < braceAt.line) {
    std::string_view line = sources.lineText(decl.file, first.line + 1);
    size_t blanks = line.find_first_not_of(" \t");
    if (blanks != std::string_view::npos)
      indent = std::string(line.substr(0, blanks));
  }
  return diag::Edit{{decl.file, lineStart, lineStart}, indent + std::string(statement) + "\n"};
}

} // namespace mac::analyzer
