// The phases of the compiler, in order, for one bundle. Every command that
// needs a checked Program (check, build, lsp, test…) goes through here.
#pragma once

#include "analyzer/analyzer.h"
#include "compiler/diag/engine.h"
#include "compiler/sema/loader.h"
#include "compiler/sema/program.h"
#include "compiler/sema/sema.h"

#include <llvm/Support/Error.h>
#include <llvm/Support/raw_ostream.h>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace mac::analyzer {
class FlowPathsCache;
class HtmlLinkMemo;
}

namespace mac::driver {

/// Wall time of each phase of checkBundle runs, in milliseconds, added up
/// over every run that is given the same PhaseTimes.
struct PhaseTimes {
  double load = 0, sema = 0, checks = 0, after = 0, lint = 0;
  double output = 0;                         ///< printing the diagnostics (the command measures it)
  std::vector<analyzer::CheckTime> perCheck; ///< each check, in the order run
};

/// Prints `times` as a small aligned table (`mac check --time-phases`): one
/// line per phase, then one per check, then the total of the phases.
void printPhaseTimes(const PhaseTimes &times, llvm::raw_ostream &os);

/// A command's output phase (printing diagnostics, writing payloads): timed
/// from construction to destruction into `times->output`, after which every
/// phase is printed on stderr. Does nothing when `times` is null (no
/// `--time-phases`).
class OutputPhaseTimer {
public:
  explicit OutputPhaseTimer(PhaseTimes *times)
      : times_(times), start_(std::chrono::steady_clock::now()) {}
  ~OutputPhaseTimer();

private:
  PhaseTimes *times_;
  std::chrono::steady_clock::time_point start_;
};

struct PipelineOptions {
  std::optional<std::string> env; ///< `--env`
  /// A command's own phase after the checks, run only when no error was
  /// reported (mac build: the backends); lint control then covers it too.
  std::function<void(const sema::Program &, SourceManager &, diag::Engine &)> afterChecks;
  sema::LintScope lintScope; ///< the command-only rule categories it runs
  /// Where files are read (null: the real file system); the LSP passes its
  /// open editor buffers laid over the disk.
  llvm::vfs::FileSystem *fs = nullptr;
  /// Parses files and keeps their ASTs between runs (the LSP); null: parse all.
  sema::ParseCache *parseCache = nullptr;
  /// Per-flow path facts kept between runs (the LSP); null: walk every flow.
  analyzer::FlowPathsCache *flowPathsCache = nullptr;
  /// HTML link extraction kept between runs (the LSP, --cache-dir); null: none.
  analyzer::HtmlLinkMemo *htmlLinkMemo = nullptr;
  /// Filled with each phase's wall time when not null (MAC_LSP_TIMING, perf).
  PhaseTimes *times = nullptr;
};

/// Loads, parses and analyses the bundle at `path`, then applies its lint
/// control. Diagnostics are appended to `diags`; an llvm::Error means the
/// path itself could not be used (exit 2).
llvm::Expected<std::unique_ptr<sema::Program>> checkBundle(const std::string &path,
                                                           const PipelineOptions &options,
                                                           SourceManager &sources,
                                                           diag::Engine &diags);

} // namespace mac::driver
