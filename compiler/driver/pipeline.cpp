// The pipeline, readable at a glance: bytes → AST (syntax) → Program (sema)
// → checks → lint control. Each bundle gets its own engine so that its lint
// settings touch only its own diagnostics.
#include "compiler/driver/pipeline.h"

#include "analyzer/analyzer.h"
#include "compiler/sema/loader.h"
#include "compiler/sema/sema.h"

#include <llvm/Support/Format.h>

#include <algorithm>
#include <chrono>
#include <string_view>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace mac::driver {

namespace {

/// Adds the time since the last lap to a phase, when timing is on.
class Stopwatch {
public:
  explicit Stopwatch(PhaseTimes *times) : times_(times), last_(Clock::now()) {}
  void lap(double PhaseTimes::*phase) {
    if (!times_)
      return;
    Clock::time_point now = Clock::now();
    times_->*phase += std::chrono::duration<double, std::milli>(now - last_).count();
    last_ = now;
  }

private:
  using Clock = std::chrono::steady_clock;
  PhaseTimes *times_;
  Clock::time_point last_;
};

/// Whether errors remain once `mac-ignore` and `lint {}` have had their say:
/// an error the bundle ignores (with a reason) does not stop the command's
/// own phase, as it does not stop `mac check`. Lint control itself runs once,
/// at the end, over every phase's diagnostics; this is a trial on a copy.
bool errorsSurviveLintControl(const sema::Program &program, const diag::Engine &diags,
                              const sema::LintScope &scope) {
  if (!diags.hasErrors())
    return false;
  diag::Engine trial;
  for (const diag::Diagnostic &d : diags.diagnostics())
    trial.add(d);
  sema::applyLintControl(program, trial, scope);
  return trial.hasErrors();
}

} // namespace

void printPhaseTimes(const PhaseTimes &times, llvm::raw_ostream &os) {
  std::vector<std::pair<std::string, double>> rows = {
      {"load", times.load},   {"sema", times.sema}, {"checks", times.checks},
      {"after", times.after}, {"lint", times.lint}, {"output", times.output}};
  double total = 0;
  for (const auto &row : rows)
    total += row.second;
  size_t width = std::string_view("total").size();
  for (const analyzer::CheckTime &check : times.perCheck)
    width = std::max(width, check.name.size() + 2);
  auto line = [&](std::string_view name, double ms) {
    os << llvm::format("%-*s %10.2f ms\n", static_cast<int>(width), std::string(name).c_str(), ms);
  };
  os << "mac: wall time per phase\n";
  for (const auto &[name, ms] : rows) {
    line(name, ms);
    if (name == "checks")
      for (const analyzer::CheckTime &check : times.perCheck)
        line("  " + std::string(check.name), check.milliseconds);
  }
  line("total", total);
}

OutputPhaseTimer::~OutputPhaseTimer() {
  if (!times_)
    return;
  times_->output =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start_).count();
  printPhaseTimes(*times_, llvm::errs());
}

llvm::Expected<std::unique_ptr<sema::Program>> checkBundle(const std::string &path,
                                                           const PipelineOptions &options,
                                                           SourceManager &sources,
                                                           diag::Engine &diags) {
  diag::Engine bundleDiags;
  Stopwatch stopwatch(options.times);

  // 1. Read every file of the bundle and parse it into an AST (MAC0xxx).
  llvm::vfs::FileSystem &fs = options.fs ? *options.fs : sema::realFileSystem();
  llvm::Expected<sema::LoadedBundle> bundle =
      sema::loadBundle(path, sources, bundleDiags, {}, fs, options.parseCache);
  if (!bundle)
    return bundle.takeError();
  stopwatch.lap(&PhaseTimes::load);

  // 2. Resolve names and types into the Program (MAC1xxx, MAC5006).
  std::unique_ptr<sema::Program> program =
      sema::analyze(*bundle, sources, sema::SemaOptions{options.env}, bundleDiags);
  stopwatch.lap(&PhaseTimes::sema);
  // The Program holds copies of all it needs from the ASTs: free them before
  // the checks run, unless the caller's parse cache keeps them. They were
  // built on the parser threads, in arenas the checks (on this thread) do not
  // allocate from. jemalloc (the mac executable) returns such pages by
  // itself; malloc_trim does it for glibc's malloc (builds without jemalloc,
  // the unit tests) and is a cheap no-op otherwise.
  if (!options.parseCache || !options.parseCache->keepsAsts()) {
    bundle->files.clear();
#if defined(__GLIBC__)
    malloc_trim(0);
#endif
  }

  // 3. Analyzer checks (MAC2xxx-MAC5xxx), only over a Program without errors:
  //    a partial Program would make every check guess.
  if (!bundleDiags.hasErrors()) {
    analyzer::AnalyzerOptions analyzerOptions{options.env};
    analyzerOptions.flowPathsCache = options.flowPathsCache;
    analyzerOptions.htmlLinkMemo = options.htmlLinkMemo;
    if (options.times)
      analyzerOptions.checkTimes = &options.times->perCheck;
    analyzer::runChecks(*program, sources, analyzerOptions, bundleDiags);
  }
  stopwatch.lap(&PhaseTimes::checks);

  // 4. The command's own phase (mac build: backends, MAC7xxx), unless errors
  //    remain after lint control.
  if (options.afterChecks && !errorsSurviveLintControl(*program, bundleDiags, options.lintScope))
    options.afterChecks(*program, sources, bundleDiags);
  stopwatch.lap(&PhaseTimes::after);

  // 5. `lint {}` severities and `mac-ignore` suppressions (MAC1007).
  sema::applyLintControl(*program, bundleDiags, options.lintScope);
  stopwatch.lap(&PhaseTimes::lint);

  for (diag::Diagnostic &d : bundleDiags.mutableDiagnostics())
    diags.add(std::move(d));
  if (options.parseCache)
    options.parseCache->giveBack(std::move(*bundle));
  return program;
}

} // namespace mac::driver
