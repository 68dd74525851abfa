// `mac promote [BUNDLE] --from stage --to prod --target T [--apply]`: deploys
// to one environment exactly the snapshot another one runs. What the source
// environment runs is its deploy state (releases/deployments/<from>/<T>.json):
// the release tag it records must name a snapshot, and every payload hash
// it records must equal that snapshot's build for <from> — so a stage
// deployed from a working directory, or edited since, cannot be promoted.
#pragma once

#include "compiler/driver/deploy_command.h"

#include <string>

namespace mac::driver {

struct PromoteOptions {
  std::string path = ".";
  std::string from, to;
  DeployOptions deploy; ///< target, apply, confirm, endpoint, releases, ...
};

int runPromote(const PromoteOptions &options);

} // namespace mac::driver
