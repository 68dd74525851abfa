// The diagnostics engine: phases report into it, the driver finalizes and
// hands the ordered list to a consumer. Formats messages from the registry so
// that every report of a code reads the same way.
#pragma once

#include "compiler/diag/diagnostic.h"

#include <fmt/format.h>

namespace mac::diag {

class Engine {
public:
  /// Reports `code` at `range`; `args` fill the registry's message format.
  template <class... Args> Diagnostic &report(Code code, SourceRange range, Args &&...args) {
    const RuleInfo &info = ruleInfo(code);
    std::string message = fmt::vformat(fmt::string_view(info.format.data(), info.format.size()),
                                       fmt::make_format_args(args...));
    return add(Diagnostic{code, info.defaultSeverity, std::move(message), range, {}, {}});
  }

  Diagnostic &add(Diagnostic diagnostic);

  const std::vector<Diagnostic> &diagnostics() const { return diagnostics_; }
  std::vector<Diagnostic> &mutableDiagnostics() { return diagnostics_; }
  size_t count(Severity severity) const;
  bool hasErrors() const { return count(Severity::Error) > 0; }

  /// Orders diagnostics by file, position, code and message, dropping ignored
  /// ones and exact duplicates, so output is deterministic.
  void sortAndDeduplicate(const SourceManager &sources);

private:
  std::vector<Diagnostic> diagnostics_;
};

} // namespace mac::diag
