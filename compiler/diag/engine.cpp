// The diagnostics engine: collects reports from every phase and, once they
// are done, puts them in a deterministic order so that the same input always
// prints the same output, whatever order the phases ran in.
#include "compiler/diag/engine.h"

#include <algorithm>
#include <tuple>

namespace mac::diag {
namespace {

/// The sort key of a diagnostic: place first (bundle-level diagnostics,
/// then by file display path, offsets), then code and message. Files are
/// ranked once by (display path, id), so comparing two places compares
/// integers; only diagnostics at the same place compare messages.
struct SortKey {
  uint32_t rank; ///< 0: no range; else 1 + the file's rank
  uint32_t begin, end;
  Code code;
  uint32_t index; ///< position before sorting: equal keys keep their order
};

std::vector<uint32_t> rankFiles(const SourceManager &sources) {
  std::vector<uint32_t> order(sources.fileCount());
  for (uint32_t i = 0; i < order.size(); ++i)
    order[i] = i;
  std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
    const std::string &pathA = sources.displayPath(FileId{a});
    const std::string &pathB = sources.displayPath(FileId{b});
    return pathA != pathB ? pathA < pathB : a < b;
  });
  std::vector<uint32_t> rank(order.size());
  for (uint32_t i = 0; i < order.size(); ++i)
    rank[order[i]] = i;
  return rank;
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
  // Keys are sorted, then the diagnostics are moved once into their places.
  std::vector<uint32_t> fileRank = rankFiles(sources);
  std::vector<SortKey> keys(diagnostics_.size());
  for (uint32_t i = 0; i < keys.size(); ++i) {
    const Diagnostic &d = diagnostics_[i];
    bool placed = d.range.isValid();
    keys[i] = {placed ? 1 + fileRank[d.range.file.value] : 0, placed ? d.range.begin : 0,
               placed ? d.range.end : 0, d.code, i};
  }
  std::sort(keys.begin(), keys.end(), [&](const SortKey &a, const SortKey &b) {
    if (std::tie(a.rank, a.begin, a.end, a.code) != std::tie(b.rank, b.begin, b.end, b.code))
      return std::tie(a.rank, a.begin, a.end, a.code) < std::tie(b.rank, b.begin, b.end, b.code);
    const std::string &messageA = diagnostics_[a.index].message;
    const std::string &messageB = diagnostics_[b.index].message;
    return messageA != messageB ? messageA < messageB : a.index < b.index;
  });
  std::vector<Diagnostic> sorted;
  sorted.reserve(diagnostics_.size());
  for (const SortKey &key : keys)
    sorted.push_back(std::move(diagnostics_[key.index]));
  diagnostics_ = std::move(sorted);
  // Duplicates are adjacent now: the sort key contains everything they share.
  auto last = std::unique(diagnostics_.begin(), diagnostics_.end(), isDuplicate);
  diagnostics_.erase(last, diagnostics_.end());
}

} // namespace mac::diag
