// `mac snapshot [BUNDLE]`: record the immutable release
// `releases/<release>-<version>/` (layout in release/snapshot_layout.h): the
// bundle's sources, the `mac build` output of every declared environment for
// every declared target, and a manifest hashing all of it. Refuses a bundle
// with errors (in any environment), a bundle without `version` and `release`
// (MAC6003), a version that does not cover its changes since the previous
// snapshot (MAC6001/MAC6002), and an existing release with other content
// (MAC6004); the same content again is a no-op. Written atomically.
#pragma once

#include "compiler/driver/check_command.h"

#include <string>

namespace mac::driver {

struct SnapshotOptions {
  std::string path = ".";
  std::string releases; ///< empty: <bundle>/releases
  std::string date;     ///< as `mac build --date`
  OutputFormat format = OutputFormat::Text;
  bool color = false;
};

int runSnapshot(const SnapshotOptions &options);

/// The releases directory of a bundle: `flag` when given, else
/// <bundle>/releases (beside bundle.flow when BUNDLE is a file).
std::string releasesDirectory(const std::string &bundlePath, const std::string &flag);

} // namespace mac::driver
