// ActiveCampaign for `mac deploy`. Its API cannot write automations, so the
// plan lists each flow as manual (a person builds it from DEPLOY.md) and
// --apply only verifies it: `GET /api/3/automations/{id}/blocks` of the
// automation the flow is bound to, compared with the blocks of the build's
// `.blocks.json` companion by `mac drift`'s ActiveCampaign profile
// (release/drift.h: blocks by id, cdate/mdate/links ignored); the triggers
// are not part of that endpoint's answer and are not verified. One line
// per difference; no lines means the automation is as built.
#include "deploy/platforms/platforms.h"

#include "release/drift.h"

#include <fmt/format.h>

namespace mac::deploy {
namespace {

using nlohmann::json;

std::string shortText(const json &value) {
  std::string text = value.is_null() ? "(none)" : value.dump();
  return text.size() > 80 ? text.substr(0, 77) + "..." : text;
}

class ActiveCampaignPlatform final : public ManualPlatform {
public:
  ActiveCampaignPlatform() : ManualPlatform("ActiveCampaign automations") {}

  llvm::Error connect(Session &session,
                      const std::map<std::string, std::string> &credentials) override {
    session.setHeaders({{"Api-Token", credentials.at("MAC_ACTIVECAMPAIGN_API_TOKEN")}});
    return llvm::Error::success();
  }

  std::string defaultBaseUrl(const std::map<std::string, std::string> &credentials) const override {
    auto account = credentials.find("MAC_ACTIVECAMPAIGN_ACCOUNT");
    return "https://" + (account == credentials.end() ? std::string("?") : account->second) +
           ".api-us1.com";
  }

  llvm::Expected<std::vector<std::string>> verify(Session &session,
                                                  const Resource &resource) override {
    const json &built = resource.companion;
    json automation = built.is_object() ? built.value("automation", json::object()) : json();
    std::string id = automation.is_object() ? idText(automation.value("id", json(""))) : "";
    if (id.empty())
      return std::vector<std::string>{
          fmt::format("{} is not bound to an automation id: build it from DEPLOY.md, then bind "
                      "its id (bindings/activecampaign.<env>.json)",
                      resource.name)};
    auto held = session.read("/api/3/automations/" + percentEncode(id) + "/blocks");
    if (!held)
      return held.takeError();
    if (!*held)
      return std::vector<std::string>{
          fmt::format("automation {} does not exist on the platform", id)};
    std::string file = resource.file.substr(0, resource.file.size() - 5) + ".blocks.json";
    // The blocks endpoint returns blocks only (the triggers are not read).
    json compiled = {{"automation", automation}, {"blocks", built.value("blocks", json::array())}};
    json copy = {{"automation", automation}, {"blocks", (**held).value("blocks", json::array())}};
    auto report = release::detectDrift("activecampaign", {{file, compiled.dump()}},
                                       {{"GET /api/3/automations/" + id + "/blocks", copy}});
    if (!report)
      return report.takeError();
    std::vector<std::string> problems;
    for (const release::FlowDrift &flow : report->flows)
      for (const release::DriftEdit &edit : flow.edits)
        problems.push_back(fmt::format("automation {}: {} {}: {} → {}", id,
                                       release::driftKindName(edit.kind), edit.path,
                                       shortText(edit.platform), shortText(edit.compiled)));
    return problems;
  }
};

} // namespace

std::unique_ptr<Platform> makeActiveCampaignPlatform() {
  return std::make_unique<ActiveCampaignPlatform>();
}

} // namespace mac::deploy
