// `mac check`: run the pipeline on each bundle and print the diagnostics in
// the chosen format. Returns the process exit status (LANGUAGE.md §9).
#pragma once

#include "compiler/diag/engine.h"

#include <llvm/Support/raw_ostream.h>

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
};

int runCheck(const CheckOptions &options);

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
