// Diagnostic consumers: each turns the engine's final, ordered list into one
// output format (LANGUAGE.md §9). They only print; deciding the exit status
// and ordering the list is the driver's and the engine's job.
#pragma once

#include "compiler/base/source_manager.h"
#include "compiler/diag/diagnostic.h"

#include <llvm/ADT/ArrayRef.h>

#include <cstddef>
#include <string>
#include <vector>

namespace llvm {
class raw_ostream;
} // namespace llvm

namespace mac::diag {

struct RenderOptions {
  bool color = false;      ///< ANSI colors (text format only)
  size_t fileCount = 0;    ///< number of files checked, for the JSON summary
  std::string toolVersion; ///< mac's version, for SARIF's tool.driver.version
  /// At most this many diagnostics are printed, the first ones of the ordered
  /// list; 0 prints all. The summary still counts every diagnostic, and each
  /// format says how many were left out.
  size_t limit = 0;
};

/// How many diagnostics of each severity a list holds.
struct SeverityCounts {
  size_t errors = 0;
  size_t warnings = 0;
  size_t infos = 0;
};
SeverityCounts countSeverities(const std::vector<Diagnostic> &diagnostics);

/// The first diagnostics of `diagnostics` that `options.limit` lets through.
llvm::ArrayRef<Diagnostic> shownDiagnostics(const std::vector<Diagnostic> &diagnostics,
                                            const RenderOptions &options);

/// Clang-style text: `path:line:col: error[MAC3001]: message`, the source line
/// and a caret line, notes and fixes, then a summary line.
void renderText(const std::vector<Diagnostic> &diagnostics, const SourceManager &sources,
                const RenderOptions &options, llvm::raw_ostream &out);

/// The JSON object of LANGUAGE.md §9, pretty-printed with a trailing newline.
void renderJson(const std::vector<Diagnostic> &diagnostics, const SourceManager &sources,
                const RenderOptions &options, llvm::raw_ostream &out);

/// A SARIF 2.1.0 log with one run; every registry rule is listed in the driver.
void renderSarif(const std::vector<Diagnostic> &diagnostics, const SourceManager &sources,
                 const RenderOptions &options, llvm::raw_ostream &out);

/// GitHub Actions workflow commands (`::error file=...::message`), one a line.
void renderGithub(const std::vector<Diagnostic> &diagnostics, const SourceManager &sources,
                  const RenderOptions &options, llvm::raw_ostream &out);

} // namespace mac::diag
