// `mac snapshot` (see snapshot_command.h).
#include "compiler/driver/snapshot_command.h"

#include "backends/build_context.h"
#include "backends/output_sink.h"
#include "compiler/driver/build_command.h"
#include "compiler/driver/check_command.h"
#include "compiler/driver/pipeline.h"
#include "compiler/driver/release_gate.h"
#include "compiler/driver/version.h"
#include "deploy/ledger.h"
#include "release/snapshot_contents.h"
#include "release/snapshot_layout.h"

#include <llvm/Support/FileSystem.h>
#include <llvm/Support/Path.h>
#include <llvm/Support/WithColor.h>

#include <cstdlib>

namespace mac::driver {
namespace {

/// MAC6003 when the bundle has no release tag; prints it and returns true.
bool reportUnversioned(const sema::Program &program, const SourceManager &sources,
                       const SnapshotOptions &options, const char *command) {
  const sema::Bundle &bundle = program.bundle;
  std::string missing = bundle.version.empty() && bundle.release.empty() ? "`version` or `release`"
                        : bundle.version.empty()                         ? "`version`"
                        : bundle.release.empty()                         ? "`release`"
                                                                         : "";
  if (missing.empty())
    return false;
  diag::Engine diags;
  diags.report(diag::Code::ReleaseUnversioned, bundle.nameRange, bundle.name, missing, command);
  printDiagnostics(options.format, diags, sources, options.color, llvm::errs());
  return true;
}

/// Builds every environment of the bundle in memory; prints the diagnostics
/// of an environment that fails and returns its exit status.
int buildEveryEnvironment(const SnapshotOptions &options, const sema::Program &program,
                          const std::string &date, release::SnapshotInput &snapshot) {
  for (const sema::Env &env : program.envs) {
    backend::BuildRequest request{env.name, {}, date, kVersion};
    EnvironmentBuild build;
    SourceManager sources;
    diag::Engine diags;
    auto built = buildEnvironment(options.path, request, build, sources, diags);
    if (!built)
      return reportUsageError(llvm::toString(built.takeError()));
    if (int status = reportUnusableBuild(build, diags, sources, options.format, options.color)) {
      llvm::errs() << "mac: no snapshot: environment `" << env.name << "` does not build\n";
      return status;
    }
    if (llvm::Error error = release::collectSources(sources, snapshot.sources))
      return reportUsageError(llvm::toString(std::move(error)));
    snapshot.builds[env.name] = {env.production, build.targets, build.output.files()};
  }
  return 0;
}

/// An existing snapshot of the same tag: the same sources are a no-op (0),
/// anything else is MAC6004 (1).
int compareWithExisting(const std::string &dir, const release::SnapshotInput &snapshot,
                        const sema::Program &program, const SourceManager &sources,
                        const SnapshotOptions &options) {
  auto existing = release::readSnapshotLayout(dir);
  if (existing) {
    std::map<std::string, std::string> hashes;
    for (const auto &[path, bytes] : snapshot.sources)
      hashes[path] = backend::sha256Hex(bytes);
    if (hashes == existing->sources) {
      llvm::errs() << "mac: " << dir << " already holds these sources; nothing to do\n";
      return 0;
    }
  } else {
    llvm::consumeError(existing.takeError());
  }
  diag::Engine diags;
  diags.report(diag::Code::ReleaseExists, program.bundle.nameRange,
               backend::releaseTag(program.bundle), dir);
  printDiagnostics(options.format, diags, sources, options.color, llvm::errs());
  return 1;
}

} // namespace

std::string releasesDirectory(const std::string &bundlePath, const std::string &flag) {
  if (!flag.empty())
    return flag;
  llvm::SmallString<256> dir(bundlePath);
  if (!llvm::sys::fs::is_directory(dir))
    llvm::sys::path::remove_filename(dir);
  llvm::sys::path::append(dir, "releases");
  return std::string(dir);
}

int runSnapshot(const SnapshotOptions &options) {
  llvm::Expected<std::string> date = buildDate(options.date, std::getenv("SOURCE_DATE_EPOCH"));
  if (!date)
    return reportUsageError(llvm::toString(date.takeError()));

  SourceManager sources;
  diag::Engine diags;
  auto program = checkBundle(options.path, {}, sources, diags);
  if (!program)
    return reportUsageError(llvm::toString(program.takeError()));
  if (diags.hasErrors()) {
    printDiagnostics(options.format, diags, sources, options.color, llvm::errs());
    llvm::errs() << "mac: no snapshot: the bundle has errors\n";
    return 1;
  }
  if (reportUnversioned(**program, sources, options, "snapshot"))
    return 1;

  std::string releases = releasesDirectory(options.path, options.releases);
  ReleaseComparison comparison;
  if (int status = compareWithPreviousRelease(**program, sources, releases, options.color,
                                              "snapshot", comparison)) {
    llvm::errs() << "mac: no snapshot: the version does not cover the changes\n";
    return status;
  }

  release::SnapshotInput snapshot{**program, {}, {}, *date, kVersion};
  if (llvm::Error error = release::collectSources(sources, snapshot.sources))
    return reportUsageError(llvm::toString(std::move(error)));
  if (int status = buildEveryEnvironment(options, **program, *date, snapshot))
    return status;

  std::string dir = release::snapshotDirFor(releases, backend::releaseTag((*program)->bundle));
  if (llvm::sys::fs::exists(dir))
    return compareWithExisting(dir, snapshot, **program, sources, options);
  if (std::error_code error = llvm::sys::fs::create_directories(releases))
    return reportUsageError("cannot create '" + releases + "': " + error.message());
  release::FileMap files = release::snapshotFiles(snapshot);
  if (llvm::Error error = backend::writeDirectory(files, dir))
    return reportUsageError(llvm::toString(std::move(error)));
  const sema::Bundle &bundle = (*program)->bundle;
  auto logged = deploy::appendLedgerEntry(releases, {{"kind", "snapshot"},
                                                     {"release", backend::releaseTag(bundle)},
                                                     {"version", bundle.version},
                                                     {"bundle", bundle.name},
                                                     {"outcome", "succeeded"}});
  if (!logged)
    return reportUsageError(llvm::toString(logged.takeError()));
  llvm::errs() << "mac: snapshot " << dir << ": " << snapshot.builds.size() << " environments, "
               << files.size() << " files\n";
  return 0;
}

} // namespace mac::driver
