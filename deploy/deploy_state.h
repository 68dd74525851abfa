// What `mac deploy` has applied to one platform for one environment:
// `releases/deployments/<env>/<target>.json`. Platform ids per resource make
// a re-run idempotent; `progress` records, operation by operation, how far
// an interrupted resource got (ids it created, values saved), so the next
// run continues there. The file is rewritten atomically after every
// operation that changed the platform, and never holds a credential.
#pragma once

#include <llvm/Support/Error.h>
#include <nlohmann/json.hpp>

#include <map>
#include <memory>
#include <string>

namespace mac::deploy {

struct ResourceRecord {
  std::string id;   ///< the platform's id
  std::string hash; ///< sha256 of the payload applied
  bool enabled = true;
  nlohmann::json extra = nlohmann::json::object(); ///< other ids (versions, programs)
};

struct ResourceProgress {
  std::string hash; ///< the payload being applied
  int done = 0;     ///< operations of this resource finished
  nlohmann::json saved = nlohmann::json::object();
};

struct DeployState {
  std::string env, target, release, version;
  std::map<std::string, ResourceRecord> resources;  ///< by key, `flow/lead_intake`
  std::map<std::string, ResourceProgress> progress; ///< unfinished resources
};

/// `<releasesDir>/deployments/<env>/<target>.json`.
std::string deployStatePath(const std::string &releasesDir, const std::string &env,
                            const std::string &target);
/// The state at `path`; an empty state (env and target set) when the file
/// does not exist; an error naming the file when it is malformed.
llvm::Expected<DeployState> loadDeployState(const std::string &path, const std::string &env,
                                            const std::string &target);
/// Writes the state atomically (a temporary file, then a rename).
llvm::Error saveDeployState(const std::string &path, const DeployState &state);

/// `<state>.lock`, held (a POSIX record lock) while one `--apply` runs, so
/// two deploys to the same environment and target never interleave their
/// journals. Released when destroyed or when the process ends.
class DeployLock {
public:
  /// Locks, or fails at once naming the lock file when another holds it.
  static llvm::Expected<std::unique_ptr<DeployLock>> acquire(const std::string &statePath);
  ~DeployLock();
  DeployLock(const DeployLock &) = delete;
  DeployLock &operator=(const DeployLock &) = delete;

private:
  explicit DeployLock(int fd) : fd_(fd) {}
  int fd_;
};

} // namespace mac::deploy
