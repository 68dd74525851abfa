// What one target's build output asks `mac deploy` to put on the platform:
// one Resource per payload file, named by its kind and name
// (`list/hot_leads`, `flow/lead_intake`), in the order the platform needs
// them (properties, events and lists before the flows that use them). A
// file the deploy does not know how to apply is an error, never skipped.
#pragma once

#include "release/snapshot_contents.h"

#include <llvm/Support/Error.h>
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace mac::deploy {

struct Resource {
  std::string key;  ///< `<kind>/<name>`
  std::string kind; ///< property, event, list, data-extension, event-definition, flow
  std::string name;
  std::string file; ///< build-relative, e.g. hubspot/flows/lead_intake.json
  std::string hash; ///< sha256 of the file's bytes
  nlohmann::json payload;
  nlohmann::json companion; ///< ActiveCampaign: the flow's `.blocks.json`; else null
};

/// The resources of `target` in `build` (a build output, OUT-relative paths),
/// in apply order; an error for a payload that is not JSON or a file the
/// deploy has no mapping for.
llvm::Expected<std::vector<Resource>> collectResources(const release::FileMap &build,
                                                       const std::string &target);

} // namespace mac::deploy
