// The diagnostics engine: collects reports from every phase and, once they
// are done, puts them in a deterministic order so that the same input always
// prints the same output, whatever order the phases ran in.
#include "compiler/diag/engine.h"

#include <algorithm>
#include <tuple>

namespace mac::diag {
namespace {

/// Sort key of a diagnostic: place first, then code and message.
bool comesBefore(const Diagnostic &a, const Diagnostic &b, const SourceManager &sources) {
  if (a.range.isValid() != b.range.isValid())
    return !a.range.isValid();
  if (a.range.isValid() && !(a.range.file == b.range.file)) {
    const std::string &pathA = sources.displayPath(a.range.file);
    const std::string &pathB = sources.displayPath(b.range.file);
    if (pathA != pathB)
      return pathA < pathB;
    return a.range.file < b.range.file;
  }
  if (a.range.isValid()) {
    if (a.range.begin != b.range.begin)
      return a.range.begin < b.range.begin;
    if (a.range.end != b.range.end)
      return a.range.end < b.range.end;
  }
  return std::forward_as_tuple(a.code, a.message) < std::forward_as_tuple(b.code, b.message);
}

bool isDuplicate(const Diagnostic &a, const Diagnostic &b) {
  return a.code == b.code && a.range == b.range && a.message == b.message;
}

} // namespace

Diagnostic &Engine::add(Diagnostic diagnostic) {
  diagnostics_.push_back(std::move(diagnostic));
  return diagnostics_.back();
}

size_t Engine::count(Severity severity) const {
  return static_cast<size_t>(
      std::count_if(diagnostics_.begin(), diagnostics_.end(),
                    [severity](const Diagnostic &d) { return d.severity == severity; }));
}

void Engine::sortAndDeduplicate(const SourceManager &sources) {
  std::erase_if(diagnostics_, [](const Diagnostic &d) { return d.severity == Severity::Ignored; });
  std::stable_sort(
      diagnostics_.begin(), diagnostics_.end(),
      [&sources](const Diagnostic &a, const Diagnostic &b) { return comesBefore(a, b, sources); });
  // Duplicates are adjacent now: the sort key contains everything they share.
  auto last = std::unique(diagnostics_.begin(), diagnostics_.end(), isDuplicate);
  diagnostics_.erase(last, diagnostics_.end());
}

} // namespace mac::diag
