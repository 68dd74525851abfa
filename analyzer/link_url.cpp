// URL judgement with uriparser: uriParseSingleUriExA for the structure,
// uriDissectQueryMallocA for the query parameters.
#include "analyzer/link_url.h"

#include "analyzer/template_placeholders.h"

#include <uriparser/Uri.h>

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

namespace mac::analyzer {

namespace {

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

std::string_view rangeText(const UriTextRangeA &range) {
  if (!range.first || !range.afterLast)
    return {};
  return std::string_view(range.first, static_cast<size_t>(range.afterLast - range.first));
}

/// Why uriparser stopped at `at` (an offset into `url`).
std::string syntaxProblem(std::string_view url, size_t at) {
  if (at >= url.size())
    return "it ends unexpectedly";
  unsigned char c = static_cast<unsigned char>(url[at]);
  if (c == ' ')
    return "it contains a space (write `%20`)";
  if (c >= 0x80) {
    size_t length = 1;
    while (at + length < url.size() &&
           (static_cast<unsigned char>(url[at + length]) & 0xC0) == 0x80)
      ++length;
    return fmt::format("`{}` must be percent-encoded", url.substr(at, length));
  }
  if (c < 0x20 || c == 0x7F)
    return fmt::format("it contains the control character U+{:04X}", static_cast<unsigned>(c));
  return fmt::format("the character `{}` is not allowed there", static_cast<char>(c));
}

bool queryHasUtm(const UriUriA &uri) {
  if (!uri.query.first || uri.query.first == uri.query.afterLast)
    return false;
  UriQueryListA *list = nullptr;
  int count = 0;
  if (uriDissectQueryMallocA(&list, &count, uri.query.first, uri.query.afterLast) != URI_SUCCESS)
    return false;
  bool found = false;
  for (UriQueryListA *item = list; item && !found; item = item->next)
    found = item->key && lower(item->key).starts_with("utm_");
  uriFreeQueryListA(list);
  return found;
}

/// `url` with every placeholder replaced by `x`: placeholders stand for text
/// the platform fills in, so the URL is judged with a neutral token there.
std::string neutralized(std::string_view url, const std::vector<Placeholder> &placeholders) {
  std::string neutral;
  size_t from = 0;
  for (const Placeholder &placeholder : placeholders) {
    neutral.append(url.substr(from, placeholder.begin - from)).append("x");
    from = placeholder.end;
  }
  return neutral.append(url.substr(from));
}

/// Scheme and host of a parsed URL, and whether they make an absolute link.
void judgeStructure(std::string_view url, const UriUriA &uri, UrlFacts &facts) {
  facts.scheme = lower(rangeText(uri.scheme));
  facts.host = lower(rangeText(uri.hostText));
  bool hasHost = uri.hostText.first != nullptr && !facts.host.empty();
  if (facts.scheme.empty())
    facts.problem = url.starts_with("//")
                        ? "it has no scheme (write `https:` before `//`)"
                        : "it is a relative URL with no scheme and host (write `https://` and "
                          "the domain)";
  else if (facts.isWeb() && !hasHost)
    facts.problem = "it has no host (write `" + facts.scheme + "://` and the domain)";
  else
    facts.valid = true;
}

} // namespace

UrlFacts analyzeUrl(std::string_view url) {
  UrlFacts facts;
  PlaceholderScan scan = scanPlaceholders(url);
  if (!scan.problems.empty() || (!scan.placeholders.empty() && scan.placeholders[0].begin == 0)) {
    facts.dynamic = true;
    return facts;
  }
  if (url.starts_with("#")) {
    facts.anchor = facts.valid = true;
    return facts;
  }
  if (url.empty()) {
    facts.problem = "it is empty";
    return facts;
  }
  std::string neutral = neutralized(url, scan.placeholders);
  size_t queryAt = url.find('?');
  facts.queryHasPlaceholder =
      queryAt != std::string_view::npos && url.find("{{", queryAt) != std::string_view::npos;

  UriUriA uri;
  const char *errorPos = nullptr;
  const char *first = neutral.data();
  if (uriParseSingleUriExA(&uri, first, first + neutral.size(), &errorPos) != URI_SUCCESS) {
    // A syntax error in the neutral text; report the character the user wrote.
    size_t at = errorPos ? static_cast<size_t>(errorPos - first) : neutral.size();
    facts.problem = syntaxProblem(neutral, at);
    return facts;
  }
  judgeStructure(url, uri, facts);
  facts.hasUtm = facts.valid && queryHasUtm(uri);
  uriFreeUriMembersA(&uri);
  return facts;
}

} // namespace mac::analyzer
