// `mac deploy BUNDLE|SNAPSHOT --env ENV --target T [--apply]`: the plan (per
// flow and asset: create / update / unchanged / switch off / manual, with
// the semantic difference from what the platform holds where it can be
// read) and, with --apply, its application through the platform's API,
// recorded in releases/deployments/<env>/<target>.json and the ledger.
// Production takes only an immutable snapshot without errors whose tests
// pass, and only with `--confirm <release tag>`. `mac promote` and
// `mac rollback --apply` deploy a snapshot through runDeploy.
#pragma once

#include <string>

namespace mac::driver {

enum class PlanFormat { Text, Json };

struct DeployOptions {
  std::string source = "."; ///< a bundle directory or a snapshot directory
  std::string env, target;
  std::string releases; ///< default: BUNDLE/releases, or the snapshot's parent
  std::string endpoint; ///< overrides the platform's base URL
  std::string confirm;  ///< the release tag, required to apply to production
  std::string actor;
  PlanFormat format = PlanFormat::Text;
  bool apply = false;
  bool verbose = false;
  int maxRetries = 4;
  int retryBaseMs = 500;
  int timeoutSeconds = 30;
  std::string via = "deploy"; ///< the ledger's `via`: deploy, promote or rollback
  std::string liveTag;        ///< rollback: the release it replaces (the ledger's `from`)
  bool color = false;
};

int runDeploy(const DeployOptions &options);

} // namespace mac::driver
