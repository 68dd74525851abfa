// Finding the links of a template text. HTML (an email body with markup, or
// a `body file`) is parsed with gumbo and yields every `<a href>` and
// `<area href>`; plain text (SMS, push, text emails, notify messages) yields
// every `http://` or `https://` token, plus every built-in link placeholder
// such as `{{unsubscribe_url}}` that stands on its own. Offsets index the
// scanned value; the template model maps them to source ranges.
#pragma once

#include "analyzer/template_placeholders.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace mac::analyzer {

/// One link as it stands in a text.
struct RawLink {
  std::string url;             ///< what the client sees (HTML entities decoded, blanks trimmed)
  uint32_t begin = 0, end = 0; ///< the URL as written (inside the quotes, trimmed)
  bool fromHtml = false;
};

/// True when `text` holds HTML markup: a start or end tag such as `<p>` or
/// `</a>`, a comment or a doctype. `a < b` and `<3` are not markup.
bool looksLikeHtml(std::string_view text);

/// False for HTML so deeply nested and large that parsing it would take
/// seconds (gumbo's time grows with tags × nesting depth); no real email
/// comes close. The model then leaves the text's links unknown.
bool htmlWithinLimits(std::string_view html);

/// Every `<a href>` and `<area href>` of `html`, in document order, each once.
/// The tree is walked with an explicit stack.
std::vector<RawLink> htmlLinks(std::string_view html);

/// Every `http://`/`https://` token of a plain `text` (case-insensitive), up to
/// a blank, a quote or `<>`, without closing punctuation such as `.` or `)`;
/// placeholders inside a token are stepped over whole. Also every placeholder
/// named in `builtinLinks` that is not inside such a token.
std::vector<RawLink> textLinks(std::string_view text, const std::vector<Placeholder> &placeholders,
                               const std::vector<std::string_view> &builtinLinks);

} // namespace mac::analyzer
