// `mac check`: run the pipeline on each bundle and print the diagnostics in
// the chosen format. Returns the process exit status (LANGUAGE.md §9).
#pragma once

#include "compiler/cache/disk_parse_cache.h"
#include "compiler/diag/engine.h"

#include <llvm/Support/raw_ostream.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace mac::driver {

enum class OutputFormat { Text, Json, Sarif, Github };

struct CheckOptions {
  std::vector<std::string> paths;
  OutputFormat format = OutputFormat::Text;
  bool werror = false;
  bool color = false;
  std::optional<std::string> env;
  std::optional<size_t> maxDiagnostics; ///< unset: defaultDiagnosticLimit(format)
  bool timePhases = false; ///< `--time-phases`: each phase's and check's wall time on stderr
  std::optional<std::string> cacheDir; ///< `--cache-dir`; unset: $MAC_CACHE_DIR, else none
};

int runCheck(const CheckOptions &options);

/// The parse cache of a run (`--cache-dir`, else $MAC_CACHE_DIR), or null
/// when neither names one; shared by the commands that take --cache-dir.
std::unique_ptr<cache::DiskParseCache> openParseCache(const std::optional<std::string> &flag);
/// After the run: prints the cache's statistics on stderr when
/// MAC_CACHE_STATS=1, warns when no entry could be written, and prunes
/// entries unused for 30 days (at most once a day). Null: nothing.
void closeParseCache(cache::DiskParseCache *cache);

/// Says `mac: error: MESSAGE` on stderr and returns 2, the exit status of a
/// usage or I/O problem; shared by every command.
int reportUsageError(const llvm::Twine &message);

/// How many diagnostics a format prints unless --max-diagnostics says
/// otherwise: 1,000 for people (text, GitHub annotations), so a generated or
/// pasted mistake repeated a million times does not flood a terminal or a CI
/// log; no limit (0) for the machine formats (JSON, SARIF), whose readers
/// count and filter themselves.
size_t defaultDiagnosticLimit(OutputFormat format);

/// Prints `diags` (sorted) in `format`, at most `limit` of them (0: all;
/// unset: the format's default); shared by every command that reports.
void printDiagnostics(OutputFormat format, diag::Engine &diags, const SourceManager &sources,
                      bool color, llvm::raw_ostream &os,
                      std::optional<size_t> limit = std::nullopt);

} // namespace mac::driver
