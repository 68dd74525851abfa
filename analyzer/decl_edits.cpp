// Insertion points and statement ranges inside declarations, found by a
// small scan of the source text that skips `//` and `/* */` comments and
// `"…"` / `"""…"""` literals (see decl_edits.h).
#include "analyzer/decl_edits.h"

#include <algorithm>
#include <string>

namespace mac::analyzer {

namespace {

bool isBlank(char c) { return c == ' ' || c == '\t' || c == '\r'; }

/// The first offset at or after `pos` that is outside comments and strings.
size_t skipNonCode(std::string_view text, size_t pos, size_t end) {
  while (pos < end) {
    std::string_view rest = text.substr(pos, end - pos);
    size_t close = std::string_view::npos;
    if (rest.starts_with("//")) {
      close = text.find('\n', pos);
      pos = close == std::string_view::npos ? end : close;
      return pos;
    }
    if (rest.starts_with("/*")) {
      close = text.find("*/", pos + 2);
      pos = close == std::string_view::npos ? end : close + 2;
    } else if (rest.starts_with("\"\"\"")) {
      close = text.find("\"\"\"", pos + 3);
      pos = close == std::string_view::npos ? end : close + 3;
    } else if (rest.front() == '"') {
      for (++pos; pos < end && text[pos] != '"' && text[pos] != '\n'; ++pos)
        if (text[pos] == '\\')
          ++pos;
      ++pos;
    } else {
      return pos;
    }
  }
  return end;
}

/// The first code byte `c` in [pos, end), or `end`.
size_t findCode(std::string_view text, size_t pos, size_t end, char c) {
  for (pos = skipNonCode(text, pos, end); pos < end; pos = skipNonCode(text, pos + 1, end))
    if (text[pos] == c)
      return pos;
  return end;
}

size_t lineStart(std::string_view text, size_t offset) {
  size_t nl = offset == 0 ? std::string_view::npos : text.rfind('\n', offset - 1);
  return nl == std::string_view::npos ? 0 : nl + 1;
}
size_t lineEnd(std::string_view text, size_t offset) {
  size_t nl = text.find('\n', offset);
  return nl == std::string_view::npos ? text.size() : nl;
}
std::string indentation(std::string_view text, size_t start) {
  size_t end = start;
  while (end < text.size() && (text[end] == ' ' || text[end] == '\t'))
    ++end;
  return std::string(text.substr(start, end - start));
}
bool blankBetween(std::string_view text, size_t begin, size_t end) {
  for (size_t i = begin; i < end; ++i)
    if (!isBlank(text[i]))
      return false;
  return true;
}

/// The start of the last non-blank line before the line starting at `start`,
/// or npos when there is none at or after `limit`.
size_t previousContentLine(std::string_view text, size_t start, size_t limit) {
  while (start > limit) {
    size_t previous = lineStart(text, start - 1);
    if (!blankBetween(text, previous, start - 1))
      return previous;
    start = previous;
  }
  return std::string_view::npos;
}

SourceRange at(FileId file, size_t offset) {
  return {file, static_cast<uint32_t>(offset), static_cast<uint32_t>(offset)};
}

} // namespace

std::optional<diag::Edit> insertBeforeClosingBrace(const SourceManager &sources, SourceRange decl,
                                                   std::string_view statement) {
  std::string_view text = sources.text(decl.file);
  if (decl.end == 0 || decl.end > text.size() || text[decl.end - 1] != '}')
    return std::nullopt;
  size_t close = decl.end - 1, start = lineStart(text, close);
  size_t declLine = lineStart(text, decl.begin);
  if (start <= declLine || !blankBetween(text, start, close)) {
    bool spaced = close > 0 && isBlank(text[close - 1]);
    std::string inserted = spaced ? std::string(statement) + " " : " " + std::string(statement);
    return diag::Edit{at(decl.file, close), inserted};
  }
  size_t above = previousContentLine(text, start, declLine);
  std::string indent = above != std::string_view::npos && above > declLine
                           ? indentation(text, above)
                           : indentation(text, start) + "  ";
  return diag::Edit{at(decl.file, start), indent + std::string(statement) + "\n"};
}

std::optional<diag::Edit> insertAfterOpeningBrace(const SourceManager &sources, SourceRange decl,
                                                  uint32_t from, std::string_view statement) {
  std::string_view text = sources.text(decl.file);
  size_t open = findCode(text, from, decl.end, '{');
  if (open >= decl.end)
    return std::nullopt;
  size_t end = lineEnd(text, open);
  size_t next = open + 1;
  while (next < end && isBlank(text[next]))
    ++next;
  if (next < end && !text.substr(next).starts_with("//"))
    return diag::Edit{at(decl.file, open + 1), " " + std::string(statement)};
  // The body's indentation: the next non-blank line's, unless it is the closing `}`.
  std::string indent = indentation(text, lineStart(text, open)) + "  ";
  for (size_t line = end + 1; line < decl.end; line = lineEnd(text, line) + 1) {
    size_t stop = lineEnd(text, line);
    if (blankBetween(text, line, stop))
      continue;
    std::string candidate = indentation(text, line);
    if (text[line + candidate.size()] != '}')
      indent = candidate;
    break;
  }
  return diag::Edit{at(decl.file, end), "\n" + indent + std::string(statement)};
}

diag::Edit insertLineAfter(const SourceManager &sources, FileId file, uint32_t offset,
                           std::string_view line) {
  std::string_view text = sources.text(file);
  size_t end = lineEnd(text, offset);
  if (end == text.size())
    return {at(file, end), "\n" + std::string(line) + "\n"};
  return {at(file, end + 1), std::string(line) + "\n"};
}

bool inStdlib(const SourceManager &sources, SourceRange range) {
  return range.isValid() && sources.displayPath(range.file).starts_with("<stdlib>");
}

} // namespace mac::analyzer
