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
};

int runCheck(const CheckOptions &options);

/// Says `mac: error: MESSAGE` on stderr and returns 2, the exit status of a
/// usage or I/O problem; shared by every command.
int reportUsageError(const llvm::Twine &message);

/// Prints `diags` (sorted) in `format`; shared by every command that reports.
void printDiagnostics(OutputFormat format, diag::Engine &diags, const SourceManager &sources,
                      bool color, llvm::raw_ostream &os);

} // namespace mac::driver
