// The store behind the per-flow memo of FlowPaths (see flow_paths_cache.h);
// keys and relocation live with the analysis, in flow_paths.cpp. Keys are a
// flow's whole text and more (kilobytes): each is hashed once, with
// xxHash64, and the maps are keyed by that hash; the whole key is compared
// on a hit, so two keys sharing a hash cost a miss, never a wrong entry, and
// an entry handed out in a run is never replaced during it.
#include "analyzer/flow_paths_cache.h"

#include <llvm/Support/xxhash.h>

#include <algorithm>

namespace mac::analyzer {

namespace {

uint64_t hashOf(const std::string &key) { return llvm::xxHash64(key); }

} // namespace

const FlowPathsCache::Entry *FlowPathsCache::find(const std::string &key) {
  uint64_t hash = hashOf(key);
  if (auto it = current_.find(hash); it != current_.end()) {
    if (it->second.key != key) { // another flow's key with the same hash: a miss
      ++misses_;
      return nullptr;
    }
    ++hits_;
    return &it->second.entry;
  }
  auto it = previous_.find(hash);
  if (it == previous_.end() || it->second.key != key) {
    ++misses_;
    return nullptr;
  }
  ++hits_;
  return &current_.insert(previous_.extract(it)).position->second.entry;
}

uint64_t FlowPathsCache::store(std::string key, Entry entry) {
  entry.identity = nextIdentity_++;
  uint64_t hash = hashOf(key);
  auto [it, added] = current_.try_emplace(hash, Stored{std::move(key), std::move(entry)});
  // Not added: another flow of this run has a key with the same hash; this
  // flow is simply not memoised (entries handed out stay as they are).
  return added ? it->second.entry.identity : 0;
}

void FlowPathsCache::preload(std::string key, Entry entry) {
  entry.identity = nextIdentity_++;
  uint64_t hash = hashOf(key);
  previous_.try_emplace(hash, Stored{std::move(key), std::move(entry)});
}

void FlowPathsCache::forEachKept(
    llvm::function_ref<void(const std::string &, const Entry &)> visit) const {
  std::vector<const Stored *> kept;
  kept.reserve(previous_.size());
  for (const auto &[hash, stored] : previous_)
    kept.push_back(&stored);
  std::sort(kept.begin(), kept.end(),
            [](const Stored *a, const Stored *b) { return a->key < b->key; });
  for (const Stored *stored : kept)
    visit(stored->key, stored->entry);
}

void FlowPathsCache::finishRun() {
  previous_ = std::move(current_);
  current_.clear();
  pairs_.finishRun();
}

} // namespace mac::analyzer
