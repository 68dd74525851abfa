// The parts of a webhook URL that the integration checks and the environment
// model compare, parsed with uriparser (RFC 3986): scheme, host and port (the
// endpoint a call really reaches), the userinfo, and every query parameter
// with its decoded name and value and where each stands in the URL text, so a
// diagnostic can point at the exact bytes. Webhook URLs are plain absolute
// URLs (no placeholders), so a URL that does not parse has no parts.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mac::analyzer {

/// Byte offsets [begin, end) inside the URL text that was parsed.
struct UrlSpan {
  uint32_t begin = 0;
  uint32_t end = 0;
  bool empty() const { return begin == end; }
};

/// One `name=value` pair of the query, decoded (`%20` and `+` become blanks).
struct UrlQueryParam {
  std::string name;
  std::string value;
  UrlSpan nameSpan;  ///< the name as written
  UrlSpan valueSpan; ///< the value as written (empty when there is none)
};

/// What a webhook URL says about the endpoint it calls.
struct UrlEndpoint {
  std::string scheme;              ///< lower-case, e.g. "https"
  std::string host;                ///< lower-case, without IPv6 brackets or a trailing dot
  std::string port;                ///< as written; empty when absent
  UrlSpan authority;               ///< host and port as written (without the userinfo)
  std::optional<UrlSpan> userInfo; ///< `user:pass` before `@`, when present
  std::vector<UrlQueryParam> query;

  /// The port the call really uses: the written one, else the scheme's
  /// default (80 for http, 443 for https); empty when neither is known.
  std::string effectivePort() const;
  /// True when both reach the same host and port (compared parsed and
  /// lower-cased, not as strings): `https://A.com` and `https://a.com:443/x`.
  bool sameEndpoint(const UrlEndpoint &other) const;
};

/// Parses an absolute URL with a host; nullopt when `url` is not one.
std::optional<UrlEndpoint> parseUrlEndpoint(std::string_view url);

} // namespace mac::analyzer
