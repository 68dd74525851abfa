// Reading a snapshot's files back, verified: every file under the snapshot
// must match the sha256 its manifest recorded, so a snapshot edited by hand
// is refused instead of being rolled back to or compared against.
#pragma once

#include "release/snapshot_contents.h"
#include "release/snapshot_layout.h"

#include <llvm/Support/Error.h>

namespace mac::release {

/// The `mac build` output of `env` in `snapshot` (OUT-relative paths), each
/// file checked against the manifest; an error names the first mismatch.
llvm::Expected<FileMap> readEnvironmentBuild(const SnapshotLayout &snapshot,
                                             const std::string &env);

/// Every regular file below `dir`, keyed by its '/'-separated relative path.
llvm::Expected<FileMap> readTree(const std::string &dir);

} // namespace mac::release
