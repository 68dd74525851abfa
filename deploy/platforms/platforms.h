// The six platform adapters of `mac deploy`, one file each; makePlatform
// (platform.h) picks one by target name.
#pragma once

#include "deploy/platform.h"

namespace mac::deploy {

std::unique_ptr<Platform> makeHubspotPlatform();
std::unique_ptr<Platform> makeKlaviyoPlatform();
std::unique_ptr<Platform> makeSfmcPlatform();
std::unique_ptr<Platform> makeMarketoPlatform();
std::unique_ptr<Platform> makeActiveCampaignPlatform();
std::unique_ptr<Platform> makeGoHighLevelPlatform();

} // namespace mac::deploy
