// `mac drift` (see drift_command.h).
#include "compiler/driver/drift_command.h"

#include "compiler/driver/check_command.h"
#include "compiler/driver/snapshot_command.h"
#include "release/drift.h"
#include "release/snapshot_reader.h"

#include <llvm/Support/MemoryBuffer.h>
#include <llvm/Support/WithColor.h>
#include <llvm/Support/raw_ostream.h>

namespace mac::driver {
int runDrift(const DriftOptions &options) {
  std::string releases = releasesDirectory(options.bundle, options.releases);
  std::vector<release::SnapshotLayout> all = release::listSnapshots(releases);
  const release::SnapshotLayout *snapshot = all.empty() ? nullptr : &all.back();
  if (!options.release.empty()) {
    snapshot = nullptr;
    for (const release::SnapshotLayout &candidate : all)
      if (candidate.version == options.release || candidate.tag == options.release)
        snapshot = &candidate;
  }
  if (!snapshot)
    return reportUsageError(options.release.empty()
                                ? "no snapshots in '" + releases + "'; take one with `mac snapshot`"
                                : "no release '" + options.release + "' in '" + releases + "'");
  auto build = release::readEnvironmentBuild(*snapshot, options.env);
  if (!build)
    return reportUsageError(llvm::toString(build.takeError()));

  std::vector<release::ExportFile> exports;
  for (const std::string &path : options.exports) {
    auto buffer = llvm::MemoryBuffer::getFile(path);
    if (!buffer)
      return reportUsageError("'" + path + "': " + buffer.getError().message());
    nlohmann::json json = nlohmann::json::parse((*buffer)->getBuffer(), nullptr, false);
    if (json.is_discarded())
      return reportUsageError("'" + path + "': not valid JSON");
    exports.push_back({path, std::move(json)});
  }
  auto report = release::detectDrift(options.target, *build, exports);
  if (!report)
    return reportUsageError(llvm::toString(report.takeError()));
  report->env = options.env;
  report->tag = snapshot->tag;
  if (options.json)
    llvm::outs() << release::renderDriftJson(*report);
  else
    release::renderDriftText(*report, llvm::outs());
  return report->drifted() ? 1 : 0;
}

} // namespace mac::driver
