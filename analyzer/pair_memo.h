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

#include "analyzer/trigger_graph.h"
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

/// One pair of entries of a pairwise check, decided the way both checks
/// decide: a finding the memo holds is replayed; else the pair is a finding
/// only when the two entries can overlap (FlowPaths::entriesCanOverlap), and
/// the diagnostic the check then reports is remembered for the next run.
class PairFinding {
public:
  /// `c` and `d` are the check's own indices of the pair (a channel, the two
  /// `set`s), part of the memo key.
  PairFinding(CheckContext &ctx, uint32_t check, TriggerRef first, TriggerRef second,
              uint32_t c = 0, uint32_t d = 0);

  /// True when the check must report the pair now. False when it is no
  /// finding, or when its finding was replayed (then `replayed()` is true
  /// and the diagnostic is already in the context's engine).
  bool mustReport();
  bool replayed() const { return replayed_; }
  /// Keeps the diagnostic the check reported for the pair.
  void remember(const diag::Diagnostic &reported);

private:
  CheckContext &ctx_;
  TriggerRef first_, second_;
  PairMemo::Key key_;
  PairMemo *memo_ = nullptr;
  SourceRange firstRange_, secondRange_;
  bool replayed_ = false;
};

} // namespace mac::analyzer
