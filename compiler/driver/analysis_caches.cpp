// Opening, attaching and closing the check's memos on disk.
#include "compiler/driver/analysis_caches.h"

#include "compiler/cache/disk_parse_cache.h"
#include "compiler/driver/version.h"

#include <llvm/Support/raw_ostream.h>

#include <cstdlib>
#include <string_view>

namespace mac::driver {

bool cacheStatsWanted() {
  const char *stats = std::getenv("MAC_CACHE_STATS");
  return stats && std::string_view(stats) == "1";
}

AnalysisCaches::AnalysisCaches(const std::string &directory)
    : linkStore_(directory, kVersion), flowPathsStore_(directory, kVersion) {
  // Pairs are memoised for a language server's next edit; a check has none.
  flowPaths_.setMemoisesPairs(false);
}

std::unique_ptr<AnalysisCaches> AnalysisCaches::open(const std::optional<std::string> &flag) {
  std::optional<std::string> directory = cache::cacheDirectory(flag);
  if (!directory)
    return nullptr;
  std::unique_ptr<AnalysisCaches> caches(new AnalysisCaches(*directory));
  size_t links = caches->linkStore_.load(caches->links_);
  size_t flows = caches->flowPathsStore_.load(caches->flowPaths_);
  if (cacheStatsWanted())
    llvm::errs() << "mac: html link memo " << caches->linkStore_.path() << ": " << links
                 << " loaded\n"
                 << "mac: flow paths memo " << caches->flowPathsStore_.path() << ": " << flows
                 << " loaded\n";
  return caches;
}

void AnalysisCaches::attach(PipelineOptions &pipeline) {
  pipeline.htmlLinkMemo = &links_;
  pipeline.flowPathsCache = &flowPaths_;
}

void AnalysisCaches::close() {
  bool linksSaved = linkStore_.save(links_);
  bool flowsSaved = flowPathsStore_.save(flowPaths_);
  if (!cacheStatsWanted())
    return;
  auto unsaved = [](bool saved) { return saved ? "" : ", not saved (write error)"; };
  llvm::errs() << "mac: html link memo: " << links_.hits() << " hits, " << links_.misses()
               << " parsed" << unsaved(linksSaved) << "\n"
               << "mac: flow paths memo: " << flowPaths_.hits() << " replayed, "
               << flowPaths_.misses() << " walked" << unsaved(flowsSaved) << "\n";
}

} // namespace mac::driver
