// What goes into a snapshot directory (layout in snapshot_layout.h): the
// bundle's own source files, each environment's `mac build` output, and the
// snapshot manifest that hashes all of it. Pure: the driver runs the
// pipeline per environment and writes the returned files atomically.
#pragma once

#include "compiler/base/source_manager.h"
#include "compiler/sema/program.h"

#include <llvm/Support/Error.h>

#include <map>
#include <string>
#include <vector>

namespace mac::release {

using FileMap = std::map<std::string, std::string>; ///< relative path -> bytes

struct EnvironmentBuild {
  bool production = false;
  std::vector<std::string> targets;
  FileMap files; ///< the build output, OUT-relative (manifest.json included)
};

struct SnapshotInput {
  const sema::Program &program;
  FileMap sources; ///< bundle-relative path -> bytes (collectSources)
  std::map<std::string, EnvironmentBuild> builds;
  std::string date;        ///< ISO 8601 or empty, as for `mac build`
  std::string toolVersion; ///< mac's version
};

/// Adds every file a load read from the bundle (flows, `body file`s,
/// bindings) to `into`, keyed by its path relative to the bundle root.
/// Stdlib modules are mac's, not the bundle's, and are left out. A file
/// outside the bundle directory (a `use` of `../shared.flow`) is an error:
/// a snapshot must hold everything it was built from.
llvm::Error collectSources(const SourceManager &sources, FileMap &into);

/// Every file of the snapshot, relative to its directory: `sources/...`,
/// `build/<env>/...` and `manifest.json`.
FileMap snapshotFiles(const SnapshotInput &input);

} // namespace mac::release
