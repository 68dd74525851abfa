// Per-flow memo of the path analysis (FlowPaths) between analyses of the same
// bundle: the language server keeps one and re-walks only the flows whose
// inputs changed. `mac check` passes none and walks every flow.
//
// A flow's facts depend on its own text and on every declaration it can see
// (fields, consents, tags, lists, segments, flags, templates, policies, the
// stdlib) and on nothing in other flows. The key is therefore, conservatively,
// the flow's own bytes, its FileId, the sizes of its statement and condition
// pools, `--env`, and a hash of the whole bundle's text with every flow's text
// cut out (so an edit inside one flow keeps the key of every other flow, and
// any other edit — a declaration, a comment between flows — changes them
// all). Facts are stored relative to the flow: statement and condition ids
// from the flow's first, source offsets from the flow's start, so they are
// relocated when flows above it grow or shrink. A flow whose ids are not
// contiguous, or whose facts point outside it, is never memoised.
//
// Each stored entry gets an identity, a number never reused, that stands for
// its key: the pairwise checks key their own memo on it (pair_memo.h), which
// this cache holds and ages with its own runs.
#pragma once

#include "analyzer/flow_paths.h"
#include "analyzer/pair_memo.h"

#include <llvm/ADT/STLFunctionalExtras.h>

#include <string>
#include <unordered_map>
#include <vector>

namespace mac::analyzer {

class FlowPathsCache {
public:
  /// The facts of one flow, relative to it (see the file comment).
  struct Entry {
    std::vector<uint8_t> stmtFlags; ///< one per statement of the flow
    std::vector<DeadCode> deadCode;
    std::vector<ConstantCondition> constants;
    std::vector<GoalAtEntry> goalsAtEntry;
    std::vector<DuplicateSend> duplicates;
    std::vector<UnguardedSend> unguarded;
    uint64_t identity = 0; ///< set by store(): unique to this entry's key
  };

  /// The entry stored under `key` in the last or the current run, or null;
  /// a found entry is kept for the next run.
  const Entry *find(const std::string &key);
  /// Stores `entry` under `key` with a new identity, which it returns (0,
  /// not stored, in the unexpected case of another key with the same hash).
  uint64_t store(std::string key, Entry entry);
  /// Ends a run: entries not used in it are forgotten (the pair memo's too:
  /// the pairwise checks of a run run after its path analysis).
  void finishRun();

  /// Adds an entry an earlier process kept (`mac check --cache-dir`, see
  /// compiler/driver/flow_paths_store.h), as if the last run had used it;
  /// it gets a new identity.
  void preload(std::string key, Entry entry);
  /// Each entry the last finished run used or stored, ordered by key.
  void
  forEachKept(llvm::function_ref<void(const std::string &key, const Entry &entry)> visit) const;

  /// Whether the pairwise checks memoise their pairs under this cache's
  /// identities (the language server). Off for a one-shot `mac check`,
  /// whose pairs are never asked for again.
  bool memoisesPairs() const { return memoisePairs_; }
  void setMemoisesPairs(bool on) { memoisePairs_ = on; }

  /// The pairwise checks' memo, keyed by the identities of this cache.
  PairMemo &pairs() { return pairs_; }

  size_t hits() const { return hits_; }     ///< flows replayed, over every run
  size_t misses() const { return misses_; } ///< flows walked, over every run

private:
  struct Stored {
    std::string key;
    Entry entry;
  };
  /// By the xxHash64 of the key (see flow_paths_cache.cpp).
  std::unordered_map<uint64_t, Stored> previous_, current_;
  size_t hits_ = 0, misses_ = 0;
  uint64_t nextIdentity_ = 1;
  bool memoisePairs_ = true;
  PairMemo pairs_;
};

} // namespace mac::analyzer
