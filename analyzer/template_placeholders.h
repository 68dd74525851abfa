// The placeholder scanner of template texts (LANGUAGE.md §4): finds every
// `{{ name }}` and `{{ name | default: 'x' }}` (filters chained with `|`,
// arguments quoted with ' or ", or bare words) and every `{{` that does not
// start a well-formed placeholder. Works on a decoded string value; offsets
// index that value, and the template model maps them to source ranges.
#pragma once

#include "compiler/base/source_manager.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace mac::analyzer {

/// One filter of a placeholder, as in `| default: 'there'`.
struct PlaceholderFilter {
  std::string name;
  uint32_t nameBegin = 0, nameEnd = 0; ///< value offsets of the filter's name
  std::vector<std::string> arguments;  ///< without their quotes
  SourceRange nameRange;               ///< filled in by the template model
};

/// One well-formed placeholder; offsets index the scanned value.
struct Placeholder {
  std::string name;
  uint32_t begin = 0, end = 0;         ///< the whole `{{ … }}`
  uint32_t nameBegin = 0, nameEnd = 0; ///< the name inside it
  std::vector<PlaceholderFilter> filters;
  SourceRange range, nameRange; ///< filled in by the template model

  /// The argument of the first `default` filter; null when there is none.
  const std::string *fallback() const;
};

/// A `{{` that does not start a well-formed placeholder.
struct PlaceholderProblem {
  enum class Kind : uint8_t {
    Unclosed,  ///< no `}}` before the next `{{` or the end of the text
    Malformed, ///< closed, but the text between the braces is not `name | filter: 'x'`
  };
  Kind kind = Kind::Malformed;
  uint32_t begin = 0, end = 0; ///< the offending text: `{{name` or the whole `{{ … }}`
  std::string detail;          ///< what is wrong, e.g. "is not closed; end it with `}}`"
  SourceRange range;           ///< filled in by the template model
};

struct PlaceholderScan {
  std::vector<Placeholder> placeholders;
  std::vector<PlaceholderProblem> problems;
};

/// Scans `text` left to right. Linear in the text's length; never recurses.
PlaceholderScan scanPlaceholders(std::string_view text);

/// `text` with every placeholder replaced by its fallback (or by nothing when
/// it has none): the shortest text a recipient can receive.
std::string renderWithFallbacks(std::string_view text,
                                const std::vector<Placeholder> &placeholders);

} // namespace mac::analyzer
