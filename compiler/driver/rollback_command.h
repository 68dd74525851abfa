// `mac rollback [BUNDLE] --to VERSION --env ENV -o OUT [--from VERSION]`:
// write the full payload set that the snapshot of VERSION compiled for ENV,
// plus the plan (ROLLBACK.md for people, rollback.json for tools) of what
// replacing the live release with it changes: replaced, restored, switched
// off (never deleted), kept. The live release is `--from`, else (with
// --apply) the release the deploy state records as running in ENV on the
// target, else the last release the ledger saw deployed to ENV, else the
// newest snapshot. Rolling back to the live release plans nothing. OUT is written
// atomically; snapshots are verified against their manifests first. With
// `--apply --target T` the older snapshot is deployed (deploy_command.h),
// recorded in the ledger as a rollback.
#pragma once

#include "compiler/driver/deploy_command.h"

#include <optional>
#include <string>

namespace mac::driver {

struct RollbackOptions {
  std::string path = ".";
  std::string to, from, env, out, releases;
  std::optional<DeployOptions> apply; ///< set: deploy the older release
};

int runRollback(const RollbackOptions &options);

} // namespace mac::driver
