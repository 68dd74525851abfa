// Names and text in Klaviyo's terms: which profile property a field is
// (Klaviyo's own attributes such as `email` and `first_name`, or a custom
// property), placeholders rewritten as Klaviyo template tags
// (`{{ first_name|default:'there' }}`, `{{ person|lookup:'company' }}`,
// `{% unsubscribe_url %}`), and the parts of an email's `from`.
#include "backends/klaviyo/klaviyo_context.h"

#include <array>
#include <cstdio>

namespace mac::backend::klaviyo {

namespace {

/// Klaviyo's built-in profile attributes (the rest are custom properties).
constexpr std::array<std::string_view, 7> kAttributes = {
    "email", "phone_number", "first_name", "last_name", "organization", "title", "external_id"};

bool isAttribute(std::string_view name) {
  for (std::string_view attribute : kAttributes)
    if (attribute == name)
      return true;
  return false;
}

std::string trim(std::string_view text) {
  size_t begin = text.find_first_not_of(" \t");
  if (begin == std::string_view::npos)
    return {};
  size_t end = text.find_last_not_of(" \t");
  return std::string(text.substr(begin, end - begin + 1));
}

/// The property a placeholder name stands for: a field's Klaviyo name, else the name.
std::string placeholderProperty(const KlaviyoContext &k, const std::string &name) {
  for (uint32_t i = 0; i < k.program.fields.size(); ++i)
    if (k.program.fields[i].name == name)
      return profileKey(k, sema::FieldId{i});
  return name;
}

/// One `{{ … }}` placeholder body ("first_name | default: 'there'") as a Klaviyo tag.
std::string rewritePlaceholder(const KlaviyoContext &k, std::string_view inside) {
  size_t bar = inside.find('|');
  std::string name = trim(inside.substr(0, bar));
  if (name == "unsubscribe_url")
    return "{% unsubscribe_url %}";
  if (name == "view_in_browser_url")
    return "{% web_view_url %}";
  std::string fallback;
  if (bar != std::string_view::npos) {
    std::string filter = trim(inside.substr(bar + 1));
    if (filter.rfind("default", 0) == 0) {
      size_t colon = filter.find(':');
      fallback = colon == std::string::npos ? std::string() : trim(filter.substr(colon + 1));
    }
  }
  std::string property = placeholderProperty(k, name);
  std::string tag =
      isAttribute(property) ? "{{ " + property : "{{ person|lookup:'" + property + "'";
  if (!fallback.empty())
    tag += "|default:" + fallback;
  return tag + " }}";
}

} // namespace

std::string profileKey(const KlaviyoContext &k, sema::FieldId field) {
  return k.ctx.fieldName(field);
}

std::string conditionProperty(const KlaviyoContext &k, sema::FieldId field) {
  std::string name = profileKey(k, field);
  return isAttribute(name) ? name : "properties['" + name + "']";
}

std::string klaviyoText(const KlaviyoContext &k, std::string_view text) {
  std::string out;
  size_t at = 0;
  while (at < text.size()) {
    size_t open = text.find("{{", at);
    size_t close = open == std::string_view::npos ? open : text.find("}}", open + 2);
    if (close == std::string_view::npos) {
      out.append(text.substr(at));
      break;
    }
    out.append(text.substr(at, open - at));
    out += rewritePlaceholder(k, text.substr(open + 2, close - open - 2));
    at = close + 2;
  }
  return out;
}

std::pair<std::string, std::string> splitFrom(std::string_view from) {
  size_t open = from.rfind('<');
  size_t close = from.rfind('>');
  if (open == std::string_view::npos || close == std::string_view::npos || close < open)
    return {std::string(), trim(from)};
  return {trim(from.substr(0, open)), trim(from.substr(open + 1, close - open - 1))};
}

std::string clockText(int64_t minutes) {
  char buffer[8];
  std::snprintf(buffer, sizeof buffer, "%02d:%02d", static_cast<int>(minutes / 60 % 24),
                static_cast<int>(minutes % 60));
  return buffer;
}

} // namespace mac::backend::klaviyo
