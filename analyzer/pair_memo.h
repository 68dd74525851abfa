// Memo of the pairwise checks (MAC2003 conflicting-updates, MAC2202
// overlapping-flows) between analyses of the same bundle, kept by the
// language server inside its FlowPathsCache; `mac check` keeps none.
//
// What such a check says about one pair of flows (one trigger of each, and a
// channel or a pair of `set`s) depends only on both flows and on what they
// resolve against. Each flow the FlowPaths memo replayed or stored carries an
// identity (FlowPaths::memoIdentity) that stands for exactly its memo key —
// the flow's own bytes, file, pool sizes, `--env` and the whole bundle's text
// with every flow cut out — so an equal pair of identities means equal
// inputs. The memo maps (check, both identities, the pair's indices) to the
// check's finding: none, or a diagnostic stored relative to the two flows
// (each range's file says which flow, 0 the first and 1 the second, its
// offsets count from that flow's start), relocated when replayed. A finding
// with a range outside both flows is not memoised. Which pairs are visited,
// and in which order, is left to the checks: only the per-pair work (entry
// compatibility, formatting the messages) is replayed.
#pragma once

#include "compiler/diag/diagnostic.h"

#include <cstdint>
#include <optional>
#include <unordered_map>

namespace mac::analyzer {

class CheckContext;

class PairMemo {
public:
  /// One pair as a check sees it; `first` and `second` are flow identities
  /// (the flow declared first is `first`), `a`…`d` the check's indices.
  struct Key {
    uint32_t check = 0;
    uint64_t first = 0, second = 0;
    uint32_t a = 0, b = 0, c = 0, d = 0;
    friend bool operator==(const Key &, const Key &) = default;
  };
  /// No finding, or the finding relative to the two flows.
  using Result = std::optional<diag::Diagnostic>;

  /// The result stored under `key` in the last or the current run, or null;
  /// a found result is kept for the next run.
  const Result *find(const Key &key);
  void store(const Key &key, Result result);
  /// Ends a run: results not used in it are forgotten.
  void finishRun();

  /// `d` relative to the flows at `first` and `second`; nullopt when one of
  /// its ranges lies in neither.
  static std::optional<diag::Diagnostic> toRelative(diag::Diagnostic d, SourceRange first,
                                                    SourceRange second);
  /// A relative diagnostic placed at the flows at `first` and `second`.
  static diag::Diagnostic toAbsolute(diag::Diagnostic d, SourceRange first, SourceRange second);

  size_t hits() const { return hits_; }
  size_t misses() const { return misses_; }

private:
  struct KeyHash {
    size_t operator()(const Key &key) const;
  };
  /// A result and the last run that stored or found it (entries are stamped
  /// rather than moved between two maps: a hit costs one lookup).
  struct Entry {
    Result result;
    uint64_t run = 0;
  };
  std::unordered_map<Key, Entry, KeyHash> entries_;
  uint64_t run_ = 1;
  size_t hits_ = 0, misses_ = 0;
};

/// The memo of this run and the key of one pair of flows, or null when the
/// run keeps no memo or either flow has no identity.
PairMemo *pairMemoFor(CheckContext &ctx, uint32_t check, uint32_t firstFlow, uint32_t secondFlow,
                      PairMemo::Key &key);

} // namespace mac::analyzer
