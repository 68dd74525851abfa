// Finding and filling deploy placeholders (see placeholders.h).
#include "deploy/placeholders.h"

#include <algorithm>
#include <cctype>

namespace mac::deploy {

using nlohmann::json;

std::optional<std::string> placeholderKey(const std::string &text) {
  static const std::string unbound = "unbound:", dataExtension = "deploy:dataExtensionId:";
  if (text.rfind(dataExtension, 0) == 0)
    return "data-extension/" + text.substr(dataExtension.size());
  if (text.rfind(unbound, 0) != 0)
    return std::nullopt;
  std::string rest = text.substr(unbound.size());
  auto colon = rest.find(':');
  if (colon == std::string::npos)
    return std::string();
  std::string kind = rest.substr(0, colon), name = rest.substr(colon + 1);
  if (kind == "list" || kind == "segment")
    return "list/" + name;
  return std::string();
}

namespace {

/// Calls visit(value, inArray) for every string in `node`.
template <typename Visit> void visitStrings(json &node, const Visit &visit, bool inArray = false) {
  if (node.is_string()) {
    visit(node, inArray);
  } else if (node.is_structured()) {
    for (json &child : node)
      visitStrings(child, visit, node.is_array());
  }
}

bool allDigits(const std::string &text) {
  return !text.empty() && text.size() < 16 &&
         std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isdigit(c); });
}

} // namespace

std::set<std::string> placeholdersIn(const json &payload) {
  std::set<std::string> found;
  json copy = payload;
  visitStrings(copy, [&](json &value, bool) {
    if (placeholderKey(value.get<std::string>()))
      found.insert(value.get<std::string>());
  });
  return found;
}

std::vector<std::string> resolvePlaceholders(json &payload, const DeployState &state) {
  std::set<std::string> left;
  visitStrings(payload, [&](json &value, bool inArray) {
    std::string text = value.get<std::string>();
    auto key = placeholderKey(text);
    if (!key)
      return;
    auto record = key->empty() ? state.resources.end() : state.resources.find(*key);
    if (record == state.resources.end())
      left.insert(text);
    else if (inArray && allDigits(record->second.id))
      value = std::stoll(record->second.id); // id lists are numbers (suppressionListIds)
    else
      value = record->second.id;
  });
  return {left.begin(), left.end()};
}

} // namespace mac::deploy
