// What a link's URL is, decided with uriparser (RFC 3986): valid or not and
// why, its scheme and host, and whether its query carries utm_ parameters.
// Placeholders inside the URL are replaced with a neutral token first, so
// `https://acme.com/p?name={{first_name}}` is judged as a valid URL; a URL
// that starts with a placeholder is dynamic and not judged at all.
#pragma once

#include <string>
#include <string_view>

namespace mac::analyzer {

struct UrlFacts {
  /// Starts with a placeholder, or holds a malformed one: its scheme and host
  /// are known only when the message is sent, so no link rule judges it.
  bool dynamic = false;
  /// An in-page anchor (`#top`): not a link to anywhere else.
  bool anchor = false;
  bool valid = false;
  std::string problem; ///< why it is not a valid absolute URL (when !valid)
  std::string scheme;  ///< lower-case, e.g. "https", "mailto"
  std::string host;    ///< lower-case; empty for mailto:, tel:
  bool hasUtm = false; ///< a query parameter whose name starts with `utm_` (any case)
  bool queryHasPlaceholder = false;

  bool isWeb() const { return scheme == "http" || scheme == "https"; }
};

/// Judges `url` (as the recipient's client sees it).
UrlFacts analyzeUrl(std::string_view url);

} // namespace mac::analyzer
