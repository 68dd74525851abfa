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
