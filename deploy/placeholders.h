// Ids only a deploy knows. A build for an environment without a binding for
// a list or segment writes `unbound:list:NAME` (`unbound:segment:NAME`)
// where the platform's id goes, and SFMC journeys refer to data extensions
// as `deploy:dataExtensionId:NAME`. When the same deploy creates that
// resource (lists before flows, data extensions before event definitions),
// its recorded id replaces the placeholder just before the payload is sent.
// Any placeholder nothing can fill — an email without a binding — blocks
// the plan, so a payload with a hole never reaches the platform.
#pragma once

#include "deploy/deploy_state.h"

#include <nlohmann/json.hpp>

#include <set>
#include <string>
#include <vector>

namespace mac::deploy {

/// The resource key a placeholder string names (`list/NAME`,
/// `data-extension/NAME`), "" when the deploy creates no such resource, or
/// nullopt when `text` is not a placeholder at all.
std::optional<std::string> placeholderKey(const std::string &text);

/// Every placeholder string in `payload`, sorted, each once.
std::set<std::string> placeholdersIn(const nlohmann::json &payload);

/// Replaces each placeholder whose resource has an id in `state`; returns
/// the placeholders left. An id of digits inside an array becomes a number
/// (id lists such as HubSpot's `suppressionListIds` hold integers); in an
/// object member it stays a string, as the platforms' id fields are.
std::vector<std::string> resolvePlaceholders(nlohmann::json &payload, const DeployState &state);

} // namespace mac::deploy
