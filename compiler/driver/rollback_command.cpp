// `mac rollback` (see rollback_command.h).
#include "compiler/driver/rollback_command.h"

#include "backends/output_sink.h"
#include "changes/compare.h"
#include "compiler/driver/check_command.h"
#include "compiler/driver/checked_bundle.h"
#include "compiler/driver/snapshot_command.h"
#include "deploy/deploy_state.h"
#include "deploy/ledger.h"
#include "release/rollback_plan.h"
#include "release/snapshot_reader.h"

#include <llvm/Support/WithColor.h>
#include <llvm/Support/raw_ostream.h>

namespace mac::driver {
namespace {

/// The snapshot whose version or release tag is `name`.
const release::SnapshotLayout *findRelease(const std::vector<release::SnapshotLayout> &all,
                                           const std::string &name) {
  for (const release::SnapshotLayout &snapshot : all)
    if (snapshot.version == name || snapshot.tag == name)
      return &snapshot;
  return nullptr;
}

std::string knownReleases(const std::vector<release::SnapshotLayout> &all) {
  std::string known;
  for (const release::SnapshotLayout &snapshot : all)
    known += (known.empty() ? "" : ", ") + snapshot.tag;
  return known.empty() ? "none" : known;
}

/// Flows renamed between the two releases, from the semantic diff of their
/// sources; empty (with a note) when either no longer checks clean.
release::FlowRenames renamedFlows(const release::SnapshotLayout &target,
                                  const release::SnapshotLayout &live) {
  release::FlowRenames renamed;
  if (target.dir == live.dir)
    return renamed;
  CheckedBundle older, newer;
  if (loadCheckedBundle(target.dir, older, false, "rollback") ||
      loadCheckedBundle(live.dir, newer, false, "rollback")) {
    llvm::errs() << "mac: renamed flows are not recognised: a release has errors under this "
                    "version of mac\n";
    return renamed;
  }
  changes::ChangeSet changes =
      changes::compare(*older.program, older.sources, *newer.program, newer.sources);
  for (const changes::Change &change : changes.changes())
    if (change.kind == changes::ChangeKind::Renamed &&
        llvm::StringRef(change.subject).startswith("flow "))
      renamed[change.after] = change.before;
  return renamed;
}

} // namespace

int runRollback(const RollbackOptions &options) {
  std::string releases = releasesDirectory(options.path, options.releases);
  std::vector<release::SnapshotLayout> all = release::listSnapshots(releases);
  if (all.empty())
    return reportUsageError("no snapshots in '" + releases + "'; take one with `mac snapshot`");
  const release::SnapshotLayout *target = findRelease(all, options.to);
  if (!target)
    return reportUsageError("no release '" + options.to + "' in '" + releases +
                            "' (releases: " + knownReleases(all) + ")");
  std::string from = options.from;
  if (from.empty() && options.apply) {
    auto state = deploy::loadDeployState(
        deploy::deployStatePath(releases, options.env, options.apply->target), options.env,
        options.apply->target);
    if (!state)
      return reportUsageError(llvm::toString(state.takeError()));
    from = state->release;
  }
  if (from.empty()) { // the release the ledger last saw deployed to ENV
    auto ledger = deploy::readLedger(releases);
    if (!ledger)
      return reportUsageError(llvm::toString(ledger.takeError()));
    for (const deploy::LedgerEntry &entry : *ledger)
      if (entry.isSucceededDeploy() && entry.str("env") == options.env)
        from = entry.str("release");
  }
  const release::SnapshotLayout *live = from.empty() ? &all.back() : findRelease(all, from);
  if (!live)
    return reportUsageError("no release '" + from + "' in '" + releases +
                            "' (releases: " + knownReleases(all) + ")");

  auto targetFiles = release::readEnvironmentBuild(*target, options.env);
  if (!targetFiles)
    return reportUsageError(llvm::toString(targetFiles.takeError()));
  auto liveFiles = release::readEnvironmentBuild(*live, options.env);
  if (!liveFiles)
    return reportUsageError(llvm::toString(liveFiles.takeError()));

  release::RollbackPlan plan = release::planRollback(
      options.env, live->tag, *liveFiles, target->tag, *targetFiles, renamedFlows(*target, *live));
  if (options.apply) {
    release::renderRollbackText(plan, llvm::errs());
    DeployOptions deploy = *options.apply;
    deploy.source = target->dir;
    deploy.env = options.env;
    deploy.releases = releases;
    deploy.via = "rollback";
    deploy.liveTag = live->tag;
    return runDeploy(deploy);
  }
  release::FileMap out = *targetFiles;
  out["ROLLBACK.md"] = release::renderRollbackMarkdown(plan);
  out["rollback.json"] = release::renderRollbackJson(plan);
  if (llvm::Error error = backend::writeDirectory(out, options.out))
    return reportUsageError(llvm::toString(std::move(error)));
  release::renderRollbackText(plan, llvm::outs());
  llvm::errs() << "mac: wrote the payloads of " << target->tag << " for " << options.env
               << " and the plan into " << options.out << "\n";
  return 0;
}

} // namespace mac::driver
