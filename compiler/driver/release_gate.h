// The semver gate of a release: the bundle about to be snapshotted (or
// written into the changelog) is compared with the newest snapshot of an
// earlier version, and its declared version must cover the changes
// (MAC6001/MAC6002). Shared by `mac snapshot` and `mac changelog`.
#pragma once

#include "changes/change.h"
#include "compiler/base/source_manager.h"
#include "compiler/sema/program.h"

#include <string>

namespace mac::driver {

struct ReleaseComparison {
  std::string previousTag; ///< empty: a first release, compared with nothing
  changes::ChangeSet changes;
};

/// Compares `program` with the previous release in `releases` into `out`
/// and runs the version gate. Returns 0 when the version covers the changes
/// (or for a first release, compared with an empty bundle of the same
/// declaration), 1 when it does not (MAC6001/MAC6002 printed), 2
/// when the previous snapshot cannot be read. A previous snapshot with
/// errors under this version of mac skips the gate, with a note.
int compareWithPreviousRelease(const sema::Program &program, const SourceManager &sources,
                               const std::string &releases, bool color, const std::string &command,
                               ReleaseComparison &out);

} // namespace mac::driver
