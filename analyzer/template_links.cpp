// Link extraction: gumbo for HTML (positions from GumboAttribute's
// original_value, which points into the parsed buffer), a token scanner for
// plain text.
#include "analyzer/template_links.h"

#include <gumbo.h>

#include <algorithm>
#include <cctype>
#include <memory>
#include <set>

namespace mac::analyzer {

namespace {

bool isAsciiLetter(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }
bool isAsciiAlnum(char c) { return isAsciiLetter(c) || (c >= '0' && c <= '9'); }
bool isHtmlBlank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

/// A letter run after `<` or `</` ending where a tag name ends (`>`, `/` or a blank).
bool tagAt(std::string_view text, size_t at) {
  size_t end = at;
  while (end < text.size() && isAsciiAlnum(text[end]))
    ++end;
  if (end == at || !isAsciiLetter(text[at]) || end == text.size())
    return false;
  return text[end] == '>' || text[end] == '/' || isHtmlBlank(text[end]);
}

std::string_view trimHtmlBlanks(std::string_view text) {
  while (!text.empty() && isHtmlBlank(text.front()))
    text.remove_prefix(1);
  while (!text.empty() && isHtmlBlank(text.back()))
    text.remove_suffix(1);
  return text;
}

/// The link of one href attribute, positioned in `html`.
RawLink linkOf(std::string_view html, const GumboAttribute &attribute) {
  const GumboStringPiece &raw = attribute.original_value;
  uint32_t begin = raw.data ? static_cast<uint32_t>(raw.data - html.data())
                            : static_cast<uint32_t>(attribute.value_start.offset);
  uint32_t end = begin + static_cast<uint32_t>(raw.data ? raw.length : 0);
  if (end - begin >= 2 && (html[begin] == '"' || html[begin] == '\'') &&
      html[end - 1] == html[begin])
    ++begin, --end;
  while (begin < end && isHtmlBlank(html[begin]))
    ++begin;
  while (end > begin && isHtmlBlank(html[end - 1]))
    --end;
  return RawLink{std::string(trimHtmlBlanks(attribute.value)), begin, end, true};
}

struct GumboDeleter {
  void operator()(GumboOutput *output) const {
    gumbo_destroy_output(&kGumboDefaultOptions, output);
  }
};

bool startsWithInsensitive(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size())
    return false;
  for (size_t i = 0; i < prefix.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(text[i])) != prefix[i])
      return false;
  return true;
}

/// The end of an http(s) token starting at `begin`, stepping over placeholders.
size_t tokenEnd(std::string_view text, size_t begin, const std::vector<Placeholder> &placeholders) {
  auto next = std::lower_bound(placeholders.begin(), placeholders.end(), begin,
                               [](const Placeholder &p, size_t at) { return p.begin < at; });
  size_t end = begin;
  while (end < text.size()) {
    if (next != placeholders.end() && next->begin == end) {
      end = (next++)->end;
      continue;
    }
    char c = text[end];
    if (isHtmlBlank(c) || c == '"' || c == '\'' || c == '<' || c == '>' || c == '`')
      break;
    ++end;
  }
  // Closing punctuation belongs to the sentence, not to the URL; so does a
  // closing bracket that opens nowhere in the URL.
  std::string_view token = text.substr(begin, end - begin);
  long parens =
      std::count(token.begin(), token.end(), '(') - std::count(token.begin(), token.end(), ')');
  long brackets =
      std::count(token.begin(), token.end(), '[') - std::count(token.begin(), token.end(), ']');
  while (end > begin) {
    char last = text[end - 1];
    bool unbalanced = (last == ')' && parens < 0) || (last == ']' && brackets < 0);
    if (std::string_view(".,;:!?").find(last) == std::string_view::npos && !unbalanced)
      break;
    parens += last == ')';
    brackets += last == ']';
    --end;
  }
  return end;
}

constexpr uint64_t kMaxHtmlWork = 20'000'000;

/// Elements that never hold children, so their start tag opens nothing.
bool isVoidElement(std::string_view name) {
  static constexpr std::string_view voids[] = {"area",   "base",  "br",    "col",  "embed",
                                               "hr",     "img",   "input", "link", "meta",
                                               "source", "track", "wbr"};
  return std::any_of(std::begin(voids), std::end(voids), [&](std::string_view v) {
    return v.size() == name.size() && startsWithInsensitive(name, v);
  });
}

} // namespace

bool htmlWithinLimits(std::string_view html) {
  // gumbo looks through its stack of open elements on most start tags, so
  // its time grows with tags × depth; estimate both from the raw tags.
  uint64_t tags = 0, depth = 0, deepest = 0;
  size_t nextGt = 0; // the first `>` at or after the current tag name (found once)
  for (size_t at = html.find('<'); at != std::string_view::npos; at = html.find('<', at + 1)) {
    bool closing = at + 1 < html.size() && html[at + 1] == '/';
    size_t nameAt = at + 1 + closing, nameEnd = nameAt;
    while (nameEnd < html.size() && isAsciiAlnum(html[nameEnd]))
      ++nameEnd;
    if (nameEnd == nameAt || !isAsciiLetter(html[nameAt]))
      continue;
    ++tags;
    if (nextGt != std::string_view::npos && nextGt < nameEnd)
      nextGt = html.find('>', nameEnd);
    bool selfClosing = nextGt != std::string_view::npos && html[nextGt - 1] == '/';
    if (closing)
      depth -= depth > 0;
    else if (!selfClosing && !isVoidElement(html.substr(nameAt, nameEnd - nameAt)))
      deepest = std::max(deepest, ++depth);
  }
  return tags * deepest <= kMaxHtmlWork;
}

bool looksLikeHtml(std::string_view text) {
  for (size_t at = text.find('<'); at != std::string_view::npos; at = text.find('<', at + 1)) {
    std::string_view rest = text.substr(at + 1);
    if (rest.starts_with("!--") || startsWithInsensitive(rest, "!doctype") || tagAt(text, at + 1) ||
        (rest.starts_with("/") && tagAt(text, at + 2)))
      return true;
  }
  return false;
}

std::vector<RawLink> htmlLinks(std::string_view html) {
  std::unique_ptr<GumboOutput, GumboDeleter> output(
      gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size()));
  std::vector<RawLink> links;
  std::set<uint32_t> seen; // the adoption agency algorithm may clone an <a>
  std::vector<const GumboNode *> stack{output->document};
  while (!stack.empty()) {
    const GumboNode *node = stack.back();
    stack.pop_back();
    const GumboVector *children = nullptr;
    if (node->type == GUMBO_NODE_DOCUMENT) {
      children = &node->v.document.children;
    } else if (node->type == GUMBO_NODE_ELEMENT || node->type == GUMBO_NODE_TEMPLATE) {
      const GumboElement &element = node->v.element;
      children = &element.children;
      if (element.tag == GUMBO_TAG_A || element.tag == GUMBO_TAG_AREA)
        if (const GumboAttribute *href = gumbo_get_attribute(&element.attributes, "href")) {
          RawLink link = linkOf(html, *href);
          if (seen.insert(link.begin).second)
            links.push_back(std::move(link));
        }
    }
    if (children)
      for (unsigned i = children->length; i-- > 0;)
        stack.push_back(static_cast<const GumboNode *>(children->data[i]));
  }
  std::sort(links.begin(), links.end(),
            [](const RawLink &a, const RawLink &b) { return a.begin < b.begin; });
  return links;
}

std::vector<RawLink> textLinks(std::string_view text, const std::vector<Placeholder> &placeholders,
                               const std::vector<std::string_view> &builtinLinks) {
  // Placeholders are in text order and never overlap: a binary search finds
  // the one that may cover an offset.
  auto coveringPlaceholder = [&](size_t at) -> const Placeholder * {
    auto after =
        std::upper_bound(placeholders.begin(), placeholders.end(), at,
                         [](size_t offset, const Placeholder &p) { return offset < p.begin; });
    if (after == placeholders.begin())
      return nullptr;
    const Placeholder &candidate = *std::prev(after);
    return at < candidate.end ? &candidate : nullptr;
  };
  std::vector<RawLink> links;
  for (size_t at = 0; at < text.size(); ++at) {
    std::string_view rest = text.substr(at);
    if (!startsWithInsensitive(rest, "http://") && !startsWithInsensitive(rest, "https://"))
      continue;
    if ((at > 0 && isAsciiAlnum(text[at - 1])) || coveringPlaceholder(at))
      continue;
    size_t end = tokenEnd(text, at, placeholders);
    links.push_back(RawLink{std::string(text.substr(at, end - at)), static_cast<uint32_t>(at),
                            static_cast<uint32_t>(end), false});
    at = end - 1;
  }
  size_t link = 0;
  std::vector<RawLink> builtins;
  for (const Placeholder &placeholder : placeholders) {
    while (link < links.size() && links[link].end <= placeholder.begin)
      ++link;
    bool inLink = link < links.size() && links[link].begin <= placeholder.begin;
    bool builtin =
        std::find(builtinLinks.begin(), builtinLinks.end(), placeholder.name) != builtinLinks.end();
    if (builtin && !inLink)
      builtins.push_back(
          RawLink{std::string(text.substr(placeholder.begin, placeholder.end - placeholder.begin)),
                  placeholder.begin, placeholder.end, false});
  }
  links.insert(links.end(), builtins.begin(), builtins.end());
  std::sort(links.begin(), links.end(),
            [](const RawLink &a, const RawLink &b) { return a.begin < b.begin; });
  return links;
}

} // namespace mac::analyzer
