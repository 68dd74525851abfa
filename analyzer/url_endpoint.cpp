// Webhook URL parsing with uriparser: uriParseSingleUriExA for the parts,
// uriDissectQueryMallocExA for the decoded query pairs. uriparser reports no
// positions for the pairs, so the raw query is split on `&` in the same way
// (empty segments skipped, as uriparser does) to find where each one stands.
#include "analyzer/url_endpoint.h"

#include <uriparser/Uri.h>

#include <algorithm>

namespace mac::analyzer {

namespace {

std::string lowered(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : static_cast<char>(c);
  });
  return out;
}

std::string_view textOf(const UriTextRangeA &range) {
  if (!range.first || !range.afterLast)
    return {};
  return {range.first, static_cast<size_t>(range.afterLast - range.first)};
}

UrlSpan spanOf(std::string_view url, const char *first, const char *afterLast) {
  return {static_cast<uint32_t>(first - url.data()), static_cast<uint32_t>(afterLast - url.data())};
}

/// The raw `&`-separated segments of the query, skipping empty ones.
std::vector<UrlSpan> querySegments(std::string_view url, const UriTextRangeA &query) {
  std::vector<UrlSpan> segments;
  const char *begin = query.first;
  for (const char *p = query.first; p <= query.afterLast; ++p) {
    if (p != query.afterLast && *p != '&')
      continue;
    if (p != begin)
      segments.push_back(spanOf(url, begin, p));
    begin = p + 1;
  }
  return segments;
}

/// The decoded pairs of the query, each with the place it is written.
std::vector<UrlQueryParam> queryParams(std::string_view url, const UriTextRangeA &query) {
  std::vector<UrlQueryParam> params;
  if (!query.first || query.first == query.afterLast)
    return params;
  UriQueryListA *list = nullptr;
  int count = 0;
  if (uriDissectQueryMallocExA(&list, &count, query.first, query.afterLast, URI_TRUE,
                               URI_BR_DONT_TOUCH) != URI_SUCCESS)
    return params;
  std::vector<UrlSpan> segments = querySegments(url, query);
  size_t index = 0;
  for (const UriQueryListA *item = list; item; item = item->next, ++index) {
    UrlQueryParam param;
    param.name = item->key ? item->key : "";
    param.value = item->value ? item->value : "";
    UrlSpan whole =
        index < segments.size() ? segments[index] : spanOf(url, query.first, query.afterLast);
    std::string_view raw = url.substr(whole.begin, whole.end - whole.begin);
    size_t equals = raw.find('=');
    uint32_t nameEnd = equals == std::string_view::npos ? whole.end : whole.begin + equals;
    param.nameSpan = {whole.begin, nameEnd};
    param.valueSpan = {equals == std::string_view::npos ? whole.end : nameEnd + 1, whole.end};
    params.push_back(std::move(param));
  }
  uriFreeQueryListA(list);
  return params;
}

} // namespace

std::string UrlEndpoint::effectivePort() const {
  if (!port.empty())
    return port;
  if (scheme == "https")
    return "443";
  if (scheme == "http")
    return "80";
  return {};
}

bool UrlEndpoint::sameEndpoint(const UrlEndpoint &other) const {
  return host == other.host && effectivePort() == other.effectivePort();
}

std::optional<UrlEndpoint> parseUrlEndpoint(std::string_view url) {
  UriUriA uri;
  const char *error = nullptr;
  if (uriParseSingleUriExA(&uri, url.data(), url.data() + url.size(), &error) != URI_SUCCESS)
    return std::nullopt;
  std::optional<UrlEndpoint> out;
  std::string_view host = textOf(uri.hostText);
  if (uri.scheme.first && !host.empty()) {
    out.emplace();
    out->scheme = lowered(textOf(uri.scheme));
    out->host = lowered(host);
    while (out->host.size() > 1 && out->host.back() == '.')
      out->host.pop_back();
    out->port = std::string(textOf(uri.portText));
    // The authority as written: from the host (or its `[`) to the end of the port.
    const char *begin = uri.hostText.first;
    if (begin > url.data() && begin[-1] == '[')
      --begin;
    const char *end = uri.portText.first ? uri.portText.afterLast : uri.hostText.afterLast;
    if (!uri.portText.first && end < url.data() + url.size() && *end == ']')
      ++end;
    out->authority = spanOf(url, begin, end);
    if (uri.userInfo.first)
      out->userInfo = spanOf(url, uri.userInfo.first, uri.userInfo.afterLast);
    out->query = queryParams(url, uri.query);
  }
  uriFreeUriMembersA(&uri);
  return out;
}

} // namespace mac::analyzer
