// The path analysis's per-flow memo on disk, for `mac check --cache-dir DIR`:
// DIR/flow-paths-v1 holds each flow's facts (analyzer/flow_paths_cache.h)
// under the memo's own key — the flow's bytes, its file and pool sizes,
// `--env`, and a hash of the bundle's text with every flow cut out — so a
// warm run walks only the flows whose key changed. At 10,000 realistic flows
// the walk is about 40 % of a warm check's instructions.
//
// Like the other cache files (cache_file.h) it can only make a run faster:
// an unusable file loads nothing, and it is replaced, atomically, only when
// the run's flows differ from what it held.
#pragma once

#include "analyzer/flow_paths_cache.h"

#include <string>

namespace mac::driver {

class FlowPathsStore {
public:
  FlowPathsStore(std::string directory, std::string toolVersion);

  /// Adds the stored entries to `cache`; returns how many (0 when unusable).
  size_t load(analyzer::FlowPathsCache &cache);

  /// Stores the entries the last run of `cache` kept, when they differ from
  /// what was loaded; false when the file could not be written.
  bool save(const analyzer::FlowPathsCache &cache) const;

  const std::string &path() const { return path_; }

private:
  std::string path_;
  std::string identity_;
  size_t loaded_ = 0;
  size_t missesBefore_ = 0;
};

} // namespace mac::driver
