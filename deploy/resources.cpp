// Reading a target's build output into Resources (see resources.h).
#include "deploy/resources.h"

#include "backends/build_context.h"

#include <algorithm>

namespace mac::deploy {

namespace {

/// Apply order of each kind: what flows refer to comes first.
int kindOrder(const std::string &kind) {
  static const std::vector<std::string> order = {
      "property", "event", "list", "data-extension", "event-definition", "flow"};
  return static_cast<int>(std::find(order.begin(), order.end(), kind) - order.begin());
}

/// The kind of a payload directory (`assets/lists`, `flows`), or "".
std::string kindOf(const std::string &dir) {
  if (dir == "flows")
    return "flow";
  if (dir == "assets/lists")
    return "list";
  if (dir == "assets/properties")
    return "property";
  if (dir == "assets/events")
    return "event";
  if (dir == "assets/data-extensions")
    return "data-extension";
  if (dir == "assets/event-definitions")
    return "event-definition";
  return "";
}

bool endsWith(const std::string &text, const std::string &suffix) {
  return text.size() >= suffix.size() &&
         text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

} // namespace

llvm::Expected<std::vector<Resource>> collectResources(const release::FileMap &build,
                                                       const std::string &target) {
  std::vector<Resource> resources;
  std::string prefix = target + "/";
  for (const auto &[path, bytes] : build) {
    if (path.rfind(prefix, 0) != 0)
      continue;
    std::string rest = path.substr(prefix.size());
    if (rest == "DEPLOY.md" || endsWith(rest, ".blocks.json"))
      continue;
    auto slash = rest.rfind('/');
    std::string kind = slash == std::string::npos ? "" : kindOf(rest.substr(0, slash));
    if (kind.empty() || !endsWith(rest, ".json"))
      return llvm::createStringError(std::errc::invalid_argument,
                                     "%s: mac deploy does not know how to apply this file",
                                     path.c_str());
    Resource resource;
    resource.kind = kind;
    resource.name = rest.substr(slash + 1, rest.size() - slash - 1 - 5);
    resource.key = kind + "/" + resource.name;
    resource.file = path;
    resource.hash = backend::sha256Hex(bytes);
    resource.payload = nlohmann::json::parse(bytes, nullptr, false);
    if (resource.payload.is_discarded())
      return llvm::createStringError(std::errc::invalid_argument, "%s: not JSON", path.c_str());
    std::string blocks = prefix + rest.substr(0, rest.size() - 5) + ".blocks.json";
    if (auto found = build.find(blocks); found != build.end()) {
      resource.companion = nlohmann::json::parse(found->second, nullptr, false);
      resource.hash = backend::sha256Hex(bytes + found->second);
    }
    resources.push_back(std::move(resource));
  }
  std::stable_sort(resources.begin(), resources.end(), [](const Resource &a, const Resource &b) {
    return kindOrder(a.kind) < kindOrder(b.kind);
  });
  return resources;
}

} // namespace mac::deploy
