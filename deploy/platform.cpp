// Progress steps, Platform defaults and the adapter registry (see platform.h).
#include "deploy/platform.h"

#include "deploy/platforms/platforms.h"

namespace mac::deploy {

llvm::Error Progress::step(const std::function<llvm::Error()> &operation) {
  int index = next_++;
  if (index < progress_.done)
    return llvm::Error::success();
  if (llvm::Error error = operation())
    return error;
  progress_.done = index + 1;
  return commit_();
}

Platform::~Platform() = default;

llvm::Expected<std::vector<std::string>> Platform::verify(Session &, const Resource &) {
  return std::vector<std::string>{};
}

release::DriftRules Platform::driftRules(const std::string &) const { return {}; }

llvm::Expected<std::optional<nlohmann::json>> ManualPlatform::read(Session &, const Resource &,
                                                                   const ResourceRecord &) {
  return std::optional<nlohmann::json>(); // never applied, so never recorded
}

llvm::Expected<ResourceRecord> ManualPlatform::apply(Session &, const Resource &resource,
                                                     const ResourceRecord *, Progress &) {
  return llvm::createStringError(std::errc::operation_not_supported,
                                 "%s: %s are built by hand (DEPLOY.md)", resource.file.c_str(),
                                 automations_.c_str());
}

llvm::Error ManualPlatform::switchOff(Session &, const std::string &key, ResourceRecord &,
                                      Progress &) {
  return llvm::createStringError(std::errc::operation_not_supported, "%s: switch %s off by hand",
                                 key.c_str(), automations_.c_str());
}

std::string idText(const nlohmann::json &value) {
  return value.is_string() ? value.get<std::string>() : value.dump();
}

std::unique_ptr<Platform> makePlatform(const std::string &target) {
  if (target == "hubspot")
    return makeHubspotPlatform();
  if (target == "klaviyo")
    return makeKlaviyoPlatform();
  if (target == "sfmc")
    return makeSfmcPlatform();
  if (target == "marketo")
    return makeMarketoPlatform();
  if (target == "activecampaign")
    return makeActiveCampaignPlatform();
  if (target == "gohighlevel")
    return makeGoHighLevelPlatform();
  return nullptr;
}

} // namespace mac::deploy
