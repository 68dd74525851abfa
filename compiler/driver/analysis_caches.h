// The memos a check keeps in its cache directory besides the parse cache:
// the HTML links of every template text (html_link_store.h) and the path
// facts of every flow (flow_paths_store.h). Loaded before the bundle is
// checked, saved after; both only ever save work, never change output.
#pragma once

#include "analyzer/flow_paths_cache.h"
#include "analyzer/html_link_memo.h"
#include "compiler/driver/flow_paths_store.h"
#include "compiler/driver/html_link_store.h"
#include "compiler/driver/pipeline.h"

#include <memory>
#include <optional>
#include <string>

namespace mac::driver {

/// MAC_CACHE_STATS=1: the caches say what they did, on stderr.
bool cacheStatsWanted();

class AnalysisCaches {
public:
  /// The memos of the run's cache directory (cache::cacheDirectory: `flag`,
  /// else $MAC_CACHE_DIR), loaded; null when there is none.
  static std::unique_ptr<AnalysisCaches> open(const std::optional<std::string> &flag);

  /// Makes the pipeline use them.
  void attach(PipelineOptions &pipeline);

  /// Saves them (when they changed); with MAC_CACHE_STATS=1 says what they did.
  void close();

private:
  explicit AnalysisCaches(const std::string &directory);

  analyzer::HtmlLinkMemo links_;
  HtmlLinkStore linkStore_;
  analyzer::FlowPathsCache flowPaths_;
  FlowPathsStore flowPathsStore_;
};

} // namespace mac::driver
