// `mac build BUNDLE --env ENV [--target T,...] -o OUT`: check the bundle, run
// the backends for one environment and, only when no error remains, replace
// OUT atomically with the payloads and manifest (or print them with -o -).
// Diagnostics go to stderr. Exit 0 built, 1 errors, 2 usage or I/O failure.
#pragma once

#include "backends/build.h"
#include "compiler/driver/check_command.h"

#include <string>
#include <vector>

namespace mac::driver {

struct PhaseTimes; // pipeline.h

struct BuildCommandOptions {
  std::string path;
  std::string env;
  std::vector<std::string> targets; ///< empty: the bundle's targets
  std::string out;                  ///< a directory, or "-" for stdout
  std::string date;                 ///< `--date`; empty: SOURCE_DATE_EPOCH, else none
  OutputFormat format = OutputFormat::Text;
  bool werror = false;
  bool color = false;
  std::optional<size_t> maxDiagnostics; ///< unset: defaultDiagnosticLimit(format)
  std::optional<std::string> cacheDir;  ///< `--cache-dir` (as check)
  bool timePhases = false;              ///< `--time-phases` (as check)
};

int runBuild(const BuildCommandOptions &options);

/// One environment's build: held in memory (what `mac build -o -` prints and
/// `mac snapshot` collects for every environment) or, when `stage` is set,
/// written into it as the backends produce it (`mac build -o OUT`).
struct EnvironmentBuild {
  EnvironmentBuild();
  ~EnvironmentBuild();
  backend::MemorySink output;
  backend::StagedDirectory *stage = nullptr; ///< when set, the files go here, not `output`
  std::vector<std::string> targets;          ///< the targets requested (or the bundle's)
  std::vector<std::string> notBuilt;         ///< targets that could not express the bundle
  bool backendsRan = false;                  ///< false: the checks reported errors first
};
/// Checks the bundle at `path` for `request.env` and, when no error was
/// reported, runs the backends into `build.stage` or else `build.output`. Files are parsed through
/// `parseCache` when one is given; `times`, when given, gets each phase's time.
llvm::Expected<std::unique_ptr<sema::Program>>
buildEnvironment(const std::string &path, const backend::BuildRequest &request,
                 EnvironmentBuild &build, SourceManager &sources, diag::Engine &diags,
                 sema::ParseCache *parseCache = nullptr, PhaseTimes *times = nullptr);
/// Says on stderr why `build` must not be written and returns the exit
/// status (1: errors or an unexpressible target; 2: no target), or 0.
int reportBuildFailure(const EnvironmentBuild &build, const diag::Engine &diags);
/// For commands that build in memory (snapshot, deploy): 0 when `build` can
/// be used; otherwise prints the diagnostics and reportBuildFailure's reason
/// on stderr and returns its exit status.
int reportUnusableBuild(const EnvironmentBuild &build, diag::Engine &diags,
                        const SourceManager &sources, OutputFormat format, bool color);

/// The manifest date: `--date` (YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ) if given,
/// else SOURCE_DATE_EPOCH as UTC, else "". An error for a malformed value.
llvm::Expected<std::string> buildDate(const std::string &flag, const char *sourceDateEpoch);

} // namespace mac::driver
