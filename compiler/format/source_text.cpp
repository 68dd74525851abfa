// The scanner behind SourceText: strings ("…" with escapes, """…"""), line
// and block comments are opaque; everything else is looked at byte by byte.
#include "compiler/format/source_text.h"

#include <algorithm>

namespace mac::format {
namespace {

bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f'; }
bool isWordChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

} // namespace

std::string_view SourceText::slice(uint32_t begin, uint32_t end) const {
  begin = std::min<uint32_t>(begin, text_.size());
  end = std::min<uint32_t>(std::max(begin, end), text_.size());
  return text_.substr(begin, end - begin);
}

uint32_t SourceText::skipOpaque(uint32_t at) const {
  std::string_view rest = text_.substr(at);
  if (rest.starts_with("//")) {
    size_t nl = rest.find('\n');
    return nl == std::string_view::npos ? text_.size() : at + nl;
  }
  if (rest.starts_with("/*")) {
    size_t close = rest.find("*/", 2);
    return close == std::string_view::npos ? text_.size() : at + close + 2;
  }
  if (rest.starts_with("\"\"\"")) {
    size_t close = rest.find("\"\"\"", 3);
    return close == std::string_view::npos ? text_.size() : at + close + 3;
  }
  if (rest.starts_with("\"")) {
    size_t i = 1;
    while (i < rest.size() && rest[i] != '"' && rest[i] != '\n')
      i += rest[i] == '\\' ? 2 : 1;
    return at + std::min(i + 1, rest.size());
  }
  return at;
}

uint32_t SourceText::skipTrivia(uint32_t at, uint32_t to) const {
  while (at < to) {
    if (isSpace(text_[at])) {
      ++at;
      continue;
    }
    std::string_view rest = text_.substr(at);
    if (!rest.starts_with("//") && !rest.starts_with("/*"))
      break;
    at = skipOpaque(at);
  }
  return at;
}

std::string SourceText::compact(uint32_t begin, uint32_t end) const {
  std::string out;
  end = std::min<uint32_t>(end, text_.size());
  for (uint32_t at = begin; at < end;) {
    uint32_t past = skipOpaque(at);
    if (past != at) {
      if (text_[at] == '"')
        out += slice(at, past);
      at = past;
    } else {
      if (!isSpace(text_[at]))
        out += text_[at];
      ++at;
    }
  }
  return out;
}

std::string SourceText::words(uint32_t begin, uint32_t end) const {
  std::string out;
  bool space = false;
  end = std::min<uint32_t>(end, text_.size());
  for (uint32_t at = begin; at < end;) {
    uint32_t past = skipOpaque(at);
    bool comment = past != at && text_[at] != '"';
    if (comment || isSpace(text_[at])) {
      space = true;
      at = std::max(past, at + 1);
      continue;
    }
    if (space && !out.empty())
      out += ' ';
    space = false;
    out += past != at ? slice(at, past) : slice(at, at + 1);
    at = std::max(past, at + 1);
  }
  return out;
}

uint32_t SourceText::find(uint32_t from, uint32_t to, char c) const {
  to = std::min<uint32_t>(to, text_.size());
  for (uint32_t at = from; at < to;) {
    uint32_t past = skipOpaque(at);
    if (past != at) {
      at = past;
      continue;
    }
    if (text_[at] == c)
      return at;
    ++at;
  }
  return kNoOffset;
}

uint32_t SourceText::statementEnd(uint32_t from) const {
  uint32_t at = skipTrivia(from, text_.size());
  return at < text_.size() && text_[at] == ';' ? at + 1 : from;
}

std::vector<uint32_t>
SourceText::statementsStarting(uint32_t from, uint32_t to,
                               const std::vector<std::string_view> &words) const {
  std::vector<uint32_t> found;
  to = std::min<uint32_t>(to, text_.size());
  bool atStart = false;
  for (uint32_t at = from; at < to;) {
    uint32_t past = skipOpaque(at);
    if (past != at) {
      if (text_[at] == '"')
        atStart = false;
      at = past;
      continue;
    }
    char c = text_[at];
    if (c == '{' || c == ';' || c == '}') {
      atStart = true;
      ++at;
      continue;
    }
    if (isSpace(c)) {
      ++at;
      continue;
    }
    if (atStart) {
      uint32_t cursor = at;
      bool match = true;
      for (std::string_view word : words) {
        cursor = skipTrivia(cursor, to);
        bool bounded = cursor + word.size() >= to || !isWordChar(text_[cursor + word.size()]) ||
                       !isWordChar(word.back());
        if (slice(cursor, cursor + word.size()) != word || !bounded) {
          match = false;
          break;
        }
        cursor += word.size();
      }
      if (match)
        found.push_back(at);
    }
    atStart = false;
    ++at;
  }
  return found;
}

uint32_t SourceText::matchingBrace(uint32_t open) const {
  int depth = 0;
  for (uint32_t at = open; at < text_.size();) {
    uint32_t past = skipOpaque(at);
    if (past != at) {
      at = past;
      continue;
    }
    if (text_[at] == '{')
      ++depth;
    else if (text_[at] == '}' && --depth == 0)
      return at;
    ++at;
  }
  return kNoOffset;
}

bool SourceText::blankLineBetween(uint32_t begin, uint32_t end) const {
  bool seenNewline = false, lineEmpty = false;
  for (char c : slice(begin, end)) {
    if (c == '\n') {
      if (seenNewline && lineEmpty)
        return true;
      seenNewline = lineEmpty = true;
    } else if (!isSpace(c)) {
      lineEmpty = false;
    }
  }
  return false;
}

bool SourceText::sameLine(uint32_t begin, uint32_t end) const {
  if (begin > end || end > text_.size())
    return false;
  for (char c : slice(begin, end))
    if (c != ' ' && c != '\t')
      return false;
  return true;
}

} // namespace mac::format
