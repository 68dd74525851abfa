// Parsing of mac-ignore comments and their attachment to the next construct.
#include "compiler/syntax/ignore_comments.h"

#include <algorithm>

namespace mac::syntax {
namespace {

constexpr std::string_view kDirective = "mac-ignore";

bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\r'; }

/// Parses the text after `//`; returns false if it is not a mac-ignore.
bool parseIgnore(const CommentText &comment, FileId file, ast::IgnoreComment &out) {
  std::string_view text = comment.text.substr(2);
  size_t at = 0;
  while (at < text.size() && isSpace(text[at]))
    ++at;
  if (text.substr(at, kDirective.size()) != kDirective)
    return false;
  at += kDirective.size();
  if (at < text.size() && !isSpace(text[at]) && text[at] != ':')
    return false; // e.g. `mac-ignored`
  size_t colon = text.find(':', at);
  std::string_view rules = text.substr(at, colon == std::string_view::npos ? colon : colon - at);
  uint32_t rulesBase = comment.begin + 2 + static_cast<uint32_t>(at);
  size_t i = 0;
  while (i < rules.size()) {
    while (i < rules.size() && (isSpace(rules[i]) || rules[i] == ','))
      ++i;
    size_t start = i;
    while (i < rules.size() && !isSpace(rules[i]) && rules[i] != ',')
      ++i;
    if (i > start)
      out.rules.push_back({std::string(rules.substr(start, i - start)),
                           SourceRange{file, static_cast<uint32_t>(rulesBase + start),
                                       static_cast<uint32_t>(rulesBase + i)}});
  }
  if (colon != std::string_view::npos) {
    std::string_view reason = text.substr(colon + 1);
    while (!reason.empty() && isSpace(reason.front()))
      reason.remove_prefix(1);
    while (!reason.empty() && isSpace(reason.back()))
      reason.remove_suffix(1);
    out.reason = std::string(reason);
  }
  out.range = SourceRange{file, comment.begin,
                          static_cast<uint32_t>(comment.begin + comment.text.size())};
  while (out.range.end > out.range.begin && isSpace(comment.text[out.range.end - 1 - comment.begin]))
    --out.range.end;
  return true;
}

} // namespace

void attachIgnores(const std::vector<CommentText> &comments, std::vector<SourceRange> attachables,
                   ast::File &file) {
  // Sort by start; for equal starts the widest first, so an ignore before an
  // `if` covers the whole `if`.
  std::sort(attachables.begin(), attachables.end(), [](const SourceRange &a, const SourceRange &b) {
    return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
  });
  for (const CommentText &comment : comments) {
    ast::IgnoreComment ignore;
    if (!parseIgnore(comment, file.file, ignore))
      continue;
    auto next = std::lower_bound(
        attachables.begin(), attachables.end(), ignore.range.end,
        [](const SourceRange &range, uint32_t offset) { return range.begin < offset; });
    if (next != attachables.end())
      ignore.target = *next;
    file.ignores.push_back(std::move(ignore));
  }
}

} // namespace mac::syntax
