// GoHighLevel for `mac deploy`. Its API cannot write workflows, so the plan
// lists each flow as manual (a person builds it from DEPLOY.md) and --apply
// only verifies that the workflow the flow is bound to exists:
// `GET /workflows/?locationId=LOC` must list the flow's workflow id (read
// once per run). One line per problem; no lines means verified.
#include "deploy/platforms/platforms.h"

#include <fmt/format.h>

namespace mac::deploy {
namespace {

using nlohmann::json;

class GoHighLevelPlatform final : public ManualPlatform {
public:
  GoHighLevelPlatform() : ManualPlatform("GoHighLevel workflows") {}

  llvm::Error connect(Session &session,
                      const std::map<std::string, std::string> &credentials) override {
    session.setHeaders({{"Authorization", "Bearer " + credentials.at("MAC_GOHIGHLEVEL_TOKEN")},
                        {"Version", "2021-07-28"}});
    location_ = credentials.at("MAC_GOHIGHLEVEL_LOCATION_ID");
    return llvm::Error::success();
  }

  std::string defaultBaseUrl(const std::map<std::string, std::string> &) const override {
    return "https://services.leadconnectorhq.com";
  }

  llvm::Expected<std::vector<std::string>> verify(Session &session,
                                                  const Resource &resource) override {
    json workflow = resource.payload.value("workflow", json::object());
    std::string id = workflow.is_object() ? idText(workflow.value("id", json(""))) : "";
    if (id.empty())
      return std::vector<std::string>{
          fmt::format("{} is not bound to a workflow id: build it from DEPLOY.md, then bind its "
                      "id (bindings/gohighlevel.<env>.json)",
                      resource.name)};
    if (!workflows_) {
      auto listing = session.call("GET", "/workflows/" + queryString({{"locationId", location_}}));
      if (!listing)
        return listing.takeError();
      workflows_ = listing->value("workflows", json::array());
    }
    for (const json &held : *workflows_)
      if (idText(held.value("id", json(""))) == id)
        return std::vector<std::string>{};
    return std::vector<std::string>{fmt::format(
        "workflow {} ({}) is not in the location's workflows", id, workflow.value("name", ""))};
  }

private:
  std::string location_;
  std::optional<json> workflows_; ///< the location's workflows, read once
};

} // namespace

std::unique_ptr<Platform> makeGoHighLevelPlatform() {
  return std::make_unique<GoHighLevelPlatform>();
}

} // namespace mac::deploy
