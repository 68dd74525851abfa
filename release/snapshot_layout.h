// The layout of an immutable release snapshot, `releases/<release>-<version>/`:
//
//   manifest.json         {"snapshot": 1, bundle, release, version, tag, date,
//                          mac, "sources": {path: sha256},
//                          "environments": {env: {"targets": [...], "production": bool}}}
//   sources/...           the bundle's files as they were (flows, bodies, bindings)
//   build/<env>/...       `mac build` output for each declared environment
//
// Every command that reads a snapshot (diff, rollback, drift, changelog)
// goes through readSnapshotLayout, so the layout is defined here once.
#pragma once

#include <llvm/Support/Error.h>

#include <map>
#include <string>
#include <vector>

namespace mac::release {

inline constexpr int kSnapshotFormat = 1;

struct SnapshotEnvironment {
  std::vector<std::string> targets;
  bool production = false;
};

struct SnapshotLayout {
  std::string dir;        ///< the snapshot directory
  std::string sourcesDir; ///< dir/sources
  std::string bundle, release, version, tag, date;
  std::map<std::string, std::string> sources; ///< bundle-relative path -> sha256
  std::map<std::string, SnapshotEnvironment> environments;
  /// dir/build/<env>: that environment's `mac build` output.
  std::string buildDir(const std::string &env) const;
};

/// The snapshot directory name for a release tag: `<releases>/<tag>`.
std::string snapshotDirFor(const std::string &releasesDir, const std::string &tag);
/// True when `dir` looks like a snapshot (a manifest.json beside sources/).
bool isSnapshotDir(const std::string &dir);
/// Reads dir/manifest.json; an error when it is missing or malformed.
llvm::Expected<SnapshotLayout> readSnapshotLayout(const std::string &dir);
/// Every snapshot under `releasesDir`, oldest version first (semver order).
std::vector<SnapshotLayout> listSnapshots(const std::string &releasesDir);
/// The newest of `all` (ordered as listSnapshots returns) whose version
/// precedes `version`: what a release of `version` is compared with. Null
/// when there is none or `version` is not a semantic version.
const SnapshotLayout *previousRelease(const std::vector<SnapshotLayout> &all,
                                      const std::string &version);

} // namespace mac::release
