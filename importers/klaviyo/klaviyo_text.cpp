// Klaviyo template tags read back as Flow placeholders (see flowText in
// klaviyo_import.h): the inverse of the backend's klaviyoText, for the text
// an imported step carries (the subject of an internal alert).
#include "importers/klaviyo/klaviyo_import.h"

#include <string>
#include <vector>

namespace mac::importer::klaviyo {

namespace {

std::string trim(const std::string &text) {
  size_t begin = text.find_first_not_of(" \t");
  if (begin == std::string::npos)
    return {};
  return text.substr(begin, text.find_last_not_of(" \t") - begin + 1);
}

/// One `{{ … }}` body ("first_name|default:'x'", "person|lookup:'company'")
/// as a Flow placeholder body.
std::string placeholder(Conditions &conditions, const std::string &inside) {
  std::vector<std::string> parts;
  size_t at = 0;
  for (size_t bar; (bar = inside.find('|', at)) != std::string::npos; at = bar + 1)
    parts.push_back(trim(inside.substr(at, bar - at)));
  parts.push_back(trim(inside.substr(at)));
  std::string property = parts[0], fallback;
  for (size_t i = 1; i < parts.size(); ++i) {
    size_t colon = parts[i].find(':');
    std::string filter = trim(parts[i].substr(0, colon));
    std::string value = colon == std::string::npos ? "" : trim(parts[i].substr(colon + 1));
    if (filter == "lookup" && property == "person" && value.size() >= 2 && value.front() == '\'' &&
        value.back() == '\'')
      property = value.substr(1, value.size() - 2);
    else if (filter == "default" && !value.empty())
      fallback = value;
    else
      return inside; // a filter Flow has no placeholder for: kept as written
  }
  if (property.empty() || property.find_first_of("{}'\" ") != std::string::npos)
    return inside; // not a property name
  std::string name = conditions.field(property);
  return fallback.empty() ? name : name + " | default: " + fallback;
}

} // namespace

std::string flowText(Conditions &conditions, const std::string &text) {
  // A loop over `{{` and `{%` rather than std::regex, whose matcher recurses
  // per character: subjects come from outside and can be long.
  std::string out;
  size_t at = 0;
  while (at < text.size()) {
    size_t open = text.find('{', at);
    if (open == std::string::npos || open + 1 >= text.size()) {
      out.append(text, at);
      break;
    }
    out.append(text, at, open - at);
    char kind = text[open + 1];
    size_t close = kind == '{' || kind == '%' ? text.find(kind == '{' ? "}}" : "%}", open + 2)
                                              : std::string::npos;
    if (close == std::string::npos) {
      out += '{';
      at = open + 1;
      continue;
    }
    std::string inside = text.substr(open + 2, close - open - 2);
    if (kind == '{')
      out += "{{" + placeholder(conditions, inside) + "}}";
    else if (trim(inside) == "unsubscribe_url")
      out += "{{unsubscribe_url}}";
    else if (trim(inside) == "web_view_url")
      out += "{{view_in_browser_url}}";
    else
      out += text.substr(open, close + 2 - open); // another Klaviyo tag: as written
    at = close + 2;
  }
  return out;
}

} // namespace mac::importer::klaviyo
