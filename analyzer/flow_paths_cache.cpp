// The store behind the per-flow memo of FlowPaths (see flow_paths_cache.h);
// keys and relocation live with the analysis, in flow_paths.cpp.
#include "analyzer/flow_paths_cache.h"

namespace mac::analyzer {

const FlowPathsCache::Entry *FlowPathsCache::find(const std::string &key) {
  if (auto it = current_.find(key); it != current_.end()) {
    ++hits_;
    return &it->second;
  }
  auto it = previous_.find(key);
  if (it == previous_.end()) {
    ++misses_;
    return nullptr;
  }
  ++hits_;
  auto [moved, inserted] = current_.emplace(key, std::move(it->second));
  previous_.erase(it);
  return &moved->second;
}

uint64_t FlowPathsCache::store(std::string key, Entry entry) {
  entry.identity = nextIdentity_++;
  uint64_t identity = entry.identity;
  current_.insert_or_assign(std::move(key), std::move(entry));
  return identity;
}

void FlowPathsCache::finishRun() {
  previous_ = std::move(current_);
  current_.clear();
  pairs_.finishRun();
}

} // namespace mac::analyzer
