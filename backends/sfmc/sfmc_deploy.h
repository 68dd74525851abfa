// The SFMC target's deploy side: the contact data extension asset and
// DEPLOY.md, the ordered API calls that create everything the journeys need.
#pragma once

#include "backends/sfmc/sfmc_journey.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace mac::backend::sfmc {

/// assets/data-extensions/<key>.json: the contact data extension (every
/// field, one Boolean column per tag and list, Contact Key as primary key).
nlohmann::json contactDataExtension(const BuildContext &ctx);

/// DEPLOY.md for the journeys written (flow identifier, journey).
std::string deployPlan(const BuildContext &ctx,
                       const std::vector<std::pair<std::string, const Journey *>> &journeys);

} // namespace mac::backend::sfmc
