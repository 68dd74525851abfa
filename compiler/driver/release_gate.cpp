// The semver gate of a release (see release_gate.h).
#include "compiler/driver/release_gate.h"

#include "changes/compare.h"
#include "changes/version_gate.h"
#include "compiler/driver/check_command.h"
#include "compiler/driver/checked_bundle.h"
#include "release/snapshot_layout.h"

#include <llvm/Support/raw_ostream.h>

namespace mac::driver {

int compareWithPreviousRelease(const sema::Program &program, const SourceManager &sources,
                               const std::string &releases, bool color, const std::string &command,
                               ReleaseComparison &out) {
  std::vector<release::SnapshotLayout> all = release::listSnapshots(releases);
  const release::SnapshotLayout *previous = release::previousRelease(all, program.bundle.version);
  if (!previous) {
    // A first release: everything in it is new, compared with an empty
    // bundle that has the same declaration (so only its assets are added).
    sema::Program nothing;
    nothing.bundle = program.bundle;
    const SourceManager noSources;
    out.changes = changes::compare(nothing, noSources, program, sources);
    return 0;
  }
  CheckedBundle old;
  if (int status = loadCheckedBundle(previous->dir, old, color, command)) {
    if (status == 2)
      return 2;
    llvm::errs() << "mac: the version gate against " << previous->tag
                 << " was skipped: that release has errors under this version of mac\n";
    return 0;
  }
  out.previousTag = previous->tag;
  out.changes = changes::compare(*old.program, old.sources, program, sources);
  diag::Engine diags;
  changes::GateResult gate = changes::checkVersion(out.changes, old.program->bundle, program.bundle,
                                                   sources, previous->tag, diags);
  if (gate.passed())
    return 0;
  printDiagnostics(OutputFormat::Text, diags, sources, color, llvm::errs());
  return 1;
}

} // namespace mac::driver
