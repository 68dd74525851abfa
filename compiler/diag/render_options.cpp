// What every output format shares about the list it prints: the counts per
// severity for the summary, and the part of the list a --max-diagnostics
// limit lets through (the first diagnostics in the engine's order).
#include "compiler/diag/consumers.h"

#include <algorithm>

namespace mac::diag {

SeverityCounts countSeverities(const std::vector<Diagnostic> &diagnostics) {
  SeverityCounts counts;
  for (const Diagnostic &diagnostic : diagnostics) {
    counts.errors += diagnostic.severity == Severity::Error;
    counts.warnings += diagnostic.severity == Severity::Warning;
    counts.infos += diagnostic.severity == Severity::Info;
  }
  return counts;
}

llvm::ArrayRef<Diagnostic> shownDiagnostics(const std::vector<Diagnostic> &diagnostics,
                                            const RenderOptions &options) {
  llvm::ArrayRef<Diagnostic> all(diagnostics);
  if (options.limit == 0)
    return all;
  return all.take_front(std::min(options.limit, all.size()));
}

} // namespace mac::diag
