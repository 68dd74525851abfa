// `mac promote` (see promote_command.h).
#include "compiler/driver/promote_command.h"

#include "compiler/driver/check_command.h"
#include "compiler/driver/snapshot_command.h"
#include "deploy/deploy_state.h"
#include "deploy/resources.h"
#include "release/snapshot_layout.h"
#include "release/snapshot_reader.h"

#include <llvm/Support/raw_ostream.h>

namespace mac::driver {

int runPromote(const PromoteOptions &options) {
  const std::string &target = options.deploy.target;
  if (target.empty())
    return reportUsageError("promote needs --target");
  std::string releases = releasesDirectory(options.path, options.deploy.releases);
  std::string statePath = deploy::deployStatePath(releases, options.from, target);
  auto state = deploy::loadDeployState(statePath, options.from, target);
  if (!state)
    return reportUsageError(llvm::toString(state.takeError()));
  if (state->release.empty())
    return reportUsageError("nothing is recorded as deployed to `" + options.from + "` on " +
                            target + " (" + statePath + "): deploy a snapshot there first");
  std::string dir = release::snapshotDirFor(releases, state->release);
  auto layout = release::readSnapshotLayout(dir);
  if (!layout)
    return reportUsageError("`" + options.from + "` runs " + state->release +
                            ", which is not a snapshot under " + releases + ": " +
                            llvm::toString(layout.takeError()));
  auto built = release::readEnvironmentBuild(*layout, options.from);
  if (!built)
    return reportUsageError(llvm::toString(built.takeError()));
  auto resources = deploy::collectResources(*built, target);
  if (!resources)
    return reportUsageError(llvm::toString(resources.takeError()));
  for (const deploy::Resource &resource : *resources) {
    auto record = state->resources.find(resource.key);
    if (record == state->resources.end() || record->second.hash != resource.hash)
      return reportUsageError("`" + options.from + "` does not run exactly snapshot " +
                              state->release + ": " + resource.key +
                              (record == state->resources.end() ? " was never deployed there"
                                                                : " differs from the snapshot") +
                              " (deploy the snapshot to `" + options.from + "` first)");
  }
  llvm::errs() << "mac: `" << options.from << "` runs " << state->release << " on " << target
               << "; promoting that snapshot to `" << options.to << "`\n";
  DeployOptions deploy = options.deploy;
  deploy.source = layout->dir;
  deploy.env = options.to;
  deploy.releases = releases;
  deploy.via = "promote";
  return runDeploy(deploy);
}

} // namespace mac::driver
