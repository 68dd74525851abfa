// The store behind the per-flow memo of FlowPaths (see flow_paths_cache.h);
// keys and relocation live with the analysis, in flow_paths.cpp.
#include "analyzer/flow_paths_cache.h"

#include <algorithm>

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

void FlowPathsCache::preload(std::string key, Entry entry) {
  entry.identity = nextIdentity_++;
  previous_.insert_or_assign(std::move(key), std::move(entry));
}

void FlowPathsCache::forEachKept(
    llvm::function_ref<void(const std::string &, const Entry &)> visit) const {
  std::vector<const std::pair<const std::string, Entry> *> kept;
  kept.reserve(previous_.size());
  for (const auto &entry : previous_)
    kept.push_back(&entry);
  std::sort(kept.begin(), kept.end(),
            [](const auto *a, const auto *b) { return a->first < b->first; });
  for (const auto *entry : kept)
    visit(entry->first, entry->second);
}

void FlowPathsCache::finishRun() {
  previous_ = std::move(current_);
  current_.clear();
  pairs_.finishRun();
}

} // namespace mac::analyzer
