// The analyzer phase: every check of LANGUAGE.md §8 in the MAC2xxx-MAC5xxx
// ranges, run over a Program that sema accepted without errors. Checks are
// listed in checks.def; each lives in checks/<name>_check.cpp.
#pragma once

#include "compiler/base/source_manager.h"
#include "compiler/diag/engine.h"
#include "compiler/sema/program.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mac::analyzer {

class FlowPathsCache;
class HtmlLinkMemo;

/// The wall time one check took, shared analyses it built first included.
struct CheckTime {
  std::string_view name; ///< Check::name(), e.g. `trigger-loop` (a static string)
  double milliseconds = 0;
};

struct AnalyzerOptions {
  std::optional<std::string> env; ///< `--env`: evaluate flags and URLs for this environment
  /// Per-flow path facts kept between runs (the LSP; see flow_paths_cache.h);
  /// null: every flow is walked.
  FlowPathsCache *flowPathsCache = nullptr;
  /// HTML link extraction kept between runs (the LSP, `mac check
  /// --cache-dir`; see html_link_memo.h); null: every HTML text is parsed.
  HtmlLinkMemo *htmlLinkMemo = nullptr;
  /// When not null, each check's wall time is added to it, in the order the
  /// checks run (an entry of the same name is added to, for several bundles).
  std::vector<CheckTime> *checkTimes = nullptr;
};

/// Runs every check over `program`, reporting into `diags`.
void runChecks(const sema::Program &program, const SourceManager &sources,
               const AnalyzerOptions &options, diag::Engine &diags);

} // namespace mac::analyzer
