// The placeholder scanner: a small hand-written lexer over the text between
// `{{` and `}}`. Grammar, with blanks allowed between every two tokens:
//   placeholder := "{{" name ( "|" filter )* "}}"
//   filter      := name ( ":" argument ( "," argument )* )?
//   argument    := 'quoted' | "quoted" | bare-word
#include "analyzer/template_placeholders.h"

#include <algorithm>
#include <optional>

namespace mac::analyzer {

namespace {

bool isNameStart(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_'; }
bool isNameChar(char c) { return isNameStart(c) || (c >= '0' && c <= '9'); }
bool isBlank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool isBareChar(char c) { return isNameChar(c) || c == '.' || c == '-' || c == '+'; }

/// Parses one placeholder starting at `{{`; on failure, `error` says why.
class PlaceholderParser {
public:
  PlaceholderParser(std::string_view text, uint32_t open) : text_(text), at_(open + 2) {
    result_.begin = open;
  }

  std::optional<Placeholder> parse() {
    skipBlanks();
    if (!name(result_.name, result_.nameBegin, result_.nameEnd))
      return fail(at("}}") ? "is empty; write a field name between the braces"
                           : "is malformed: expected a field name after `{{`");
    for (;;) {
      skipBlanks();
      if (at("}}")) {
        result_.end = at_ + 2;
        return checkDefaults();
      }
      if (!at("|"))
        return fail("is malformed: expected `}}` or `|` after `" + lastWord_ + "`");
      ++at_;
      if (!filter())
        return std::nullopt;
    }
  }

  const std::string &error() const { return error_; }

private:
  bool at(std::string_view token) const { return text_.substr(at_).starts_with(token); }
  void skipBlanks() {
    while (at_ < text_.size() && isBlank(text_[at_]))
      ++at_;
  }
  std::nullopt_t fail(std::string message) {
    error_ = std::move(message);
    return std::nullopt;
  }
  bool failed(std::string message) {
    error_ = std::move(message);
    return false;
  }

  bool name(std::string &out, uint32_t &begin, uint32_t &end) {
    if (at_ >= text_.size() || !isNameStart(text_[at_]))
      return false;
    begin = at_;
    while (at_ < text_.size() && isNameChar(text_[at_]))
      ++at_;
    end = at_;
    out = std::string(text_.substr(begin, end - begin));
    lastWord_ = out;
    return true;
  }

  bool filter() {
    PlaceholderFilter filter;
    skipBlanks();
    if (!name(filter.name, filter.nameBegin, filter.nameEnd))
      return failed("is malformed: expected a filter name after `|`");
    skipBlanks();
    if (at(":")) {
      do {
        ++at_;
        skipBlanks();
        std::string argument;
        if (!this->argument(argument))
          return false;
        filter.arguments.push_back(std::move(argument));
        skipBlanks();
      } while (at(","));
    }
    result_.filters.push_back(std::move(filter));
    return true;
  }

  bool argument(std::string &out) {
    if (at_ < text_.size() && (text_[at_] == '\'' || text_[at_] == '"')) {
      char quote = text_[at_];
      size_t close = text_.find(quote, at_ + 1);
      if (close == std::string_view::npos)
        return failed(std::string("is malformed: the quote ") + quote + " is never closed");
      out = std::string(text_.substr(at_ + 1, close - at_ - 1));
      at_ = static_cast<uint32_t>(close + 1);
      lastWord_ = std::string(text_.substr(at_ - out.size() - 2, out.size() + 2));
      return true;
    }
    uint32_t begin = at_;
    while (at_ < text_.size() && isBareChar(text_[at_]))
      ++at_;
    if (at_ == begin)
      return failed("is malformed: expected a value such as 'there' after `:`");
    out = std::string(text_.substr(begin, at_ - begin));
    lastWord_ = out;
    return true;
  }

  std::optional<Placeholder> checkDefaults() {
    for (const PlaceholderFilter &filter : result_.filters)
      if (filter.name == "default" && filter.arguments.size() != 1)
        return fail(filter.arguments.empty()
                        ? "is malformed: `default` needs a value, as in `| default: 'there'`"
                        : "is malformed: `default` takes one value");
    return std::move(result_);
  }

  std::string_view text_;
  uint32_t at_;
  Placeholder result_;
  std::string lastWord_;
  std::string error_;
};

} // namespace

const std::string *Placeholder::fallback() const {
  for (const PlaceholderFilter &filter : filters)
    if (filter.name == "default" && !filter.arguments.empty())
      return &filter.arguments.front();
  return nullptr;
}

PlaceholderScan scanPlaceholders(std::string_view text) {
  constexpr size_t npos = std::string_view::npos;
  PlaceholderScan scan;
  size_t close = npos; // the first `}}` at or after open + 2, once looked up
  bool closeKnown = false;
  for (size_t open = text.find("{{"); open != npos;) {
    // Each byte is looked at a bounded number of times: the next `{{` and the
    // next `}}` are found once, and the parser sees only the text up to them.
    size_t next = text.find("{{", open + 2);
    if (!closeKnown || (close != npos && close < open + 2))
      close = text.find("}}", open + 2), closeKnown = true;
    size_t windowEnd = std::min(next, close == npos ? npos : close + 2);
    PlaceholderParser parser(text.substr(0, windowEnd), static_cast<uint32_t>(open));
    if (std::optional<Placeholder> placeholder = parser.parse()) {
      scan.placeholders.push_back(std::move(*placeholder));
      open = next;
      continue;
    }
    // Not a placeholder: it is unclosed when no `}}` comes before the next `{{`.
    PlaceholderProblem problem;
    problem.begin = static_cast<uint32_t>(open);
    if (close == npos || next < close) {
      size_t end = open + 2;
      while (end < text.size() && end < next && (text[end] == ' ' || isNameChar(text[end])))
        ++end;
      while (end > open + 2 && text[end - 1] == ' ')
        --end;
      problem.kind = PlaceholderProblem::Kind::Unclosed;
      problem.end = static_cast<uint32_t>(end);
      problem.detail = "is not closed; end it with `}}`";
    } else {
      problem.kind = PlaceholderProblem::Kind::Malformed;
      problem.end = static_cast<uint32_t>(close + 2);
      problem.detail = parser.error();
    }
    scan.problems.push_back(std::move(problem));
    open = next;
  }
  return scan;
}

std::string renderWithFallbacks(std::string_view text,
                                const std::vector<Placeholder> &placeholders) {
  std::string out;
  size_t from = 0;
  for (const Placeholder &placeholder : placeholders) {
    out.append(text.substr(from, placeholder.begin - from));
    if (const std::string *fallback = placeholder.fallback())
      out.append(*fallback);
    from = placeholder.end;
  }
  out.append(text.substr(from));
  return out;
}

} // namespace mac::analyzer
