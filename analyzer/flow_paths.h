// Path facts for every flow (the per-flow control-flow analysis). A flow body
// is structured (sequences, if/else if/else, stop), so its control-flow graph
// is the statement tree; a forward analysis walks it carrying a few path
// states (path_state.h), each recording what is known about the contact on
// those paths: field values, tags, lists, segments, flags, consent per
// channel, and what was sent since the last wait. Entry states come from each
// trigger, every `require`, and the negation of every `goal` (the contact
// leaves as soon as a goal holds, so it is re-assumed false after each step).
// A wait forgets what the contact's record may change into meanwhile.
//
// The results are findings that checks report (unreachable steps,
// contradictory and redundant conditions, goals met at entry, duplicate
// sends, consent per send), and answers for the trigger graph.
#pragma once

#include "analyzer/check.h"

#include <vector>

namespace mac::analyzer {

/// Why steps can never run (MAC2101).
enum class DeadReason : uint8_t {
  AfterStop,        ///< `cause` is the `stop`
  AllBranchesStop,  ///< `cause` is the `if` whose every branch stops
  GoalMet,          ///< `cause` is the step after which the goal holds
  EarlierAlwaysTrue ///< `cause` is the earlier condition that always holds (the
                    ///< last of several conditions that cover every case, too)
};
struct DeadCode {
  sema::FlowId flow;
  SourceRange range; ///< the first step (or `else if` branch, `else` body) that never runs
  DeadReason reason;
  SourceRange cause;
};

/// A branch condition that is always false (MAC2102) or always true (MAC2103)
/// on every path reaching it; `require` conditions too.
struct ConstantCondition {
  sema::FlowId flow;
  sema::CondId cond;
  bool value;
};

/// A trigger after which the flow's goal already holds (MAC2104).
struct GoalAtEntry {
  sema::FlowId flow;
  size_t trigger;
  sema::CondId goal;
};

/// A template sent a second time with no wait since the first (MAC2201).
struct DuplicateSend {
  sema::FlowId flow;
  sema::StmtId first, second;
};

/// A marketing send whose consent is not established on every path
/// (MAC3001) or was checked before a wait and not since (MAC3006).
struct UnguardedSend {
  sema::FlowId flow;
  sema::StmtId send;
  sema::Channel channel;
  bool stale;            ///< true: checked, then a wait (MAC3006)
  SourceRange checkedAt; ///< stale: the check
  sema::StmtId waitedAt; ///< stale: the wait
};

class FlowPaths : public Analysis {
public:
  static std::unique_ptr<FlowPaths> compute(CheckContext &ctx);

  /// False when no path reaches the statement.
  bool reachable(sema::StmtId stmt) const;
  /// False when, on every path reaching this action, it changes nothing:
  /// adding a tag the contact already has, joining a list it is in, setting
  /// a field to the value it already holds, or the step never runs. Events
  /// always fire.
  bool changeCanBeReal(sema::StmtId stmt) const;
  /// True when some contact can enter flow `a` through its trigger `triggerA`
  /// and flow `b` through its trigger `triggerB` at once (their trigger facts
  /// and `require` filters are compatible).
  bool entriesCanOverlap(sema::FlowId a, size_t triggerA, sema::FlowId b, size_t triggerB) const;

  /// The identity of the flow's entry in the memo (flow_paths_cache.h) this
  /// run replayed or stored, or 0: no memo, or the flow was not memoised.
  uint64_t memoIdentity(sema::FlowId flow) const {
    return flow.value < identities_.size() ? identities_[flow.value] : 0;
  }

  const std::vector<DeadCode> &deadCode() const { return deadCode_; }
  const std::vector<ConstantCondition> &constantConditions() const { return constants_; }
  const std::vector<GoalAtEntry> &goalsAtEntry() const { return goalsAtEntry_; }
  const std::vector<DuplicateSend> &duplicateSends() const { return duplicates_; }
  const std::vector<UnguardedSend> &unguardedSends() const { return unguarded_; }

private:
  friend class FlowWalker;
  friend class FlowMemo;
  /// Walks every flow, on every core, into this (no memo).
  void walkInParallel();
  /// Appends the findings of walks of later flows (moved out of `walked`),
  /// keeping a condition constant once, by the first flow that found it
  /// (`constantSeen`, by CondId).
  void absorb(FlowPaths &walked, std::vector<bool> &constantSeen);
  /// The same rule for the constants recorded from index `from` on.
  void dropRepeatedConstants(size_t from, std::vector<bool> &seen);

  const sema::Program *program_ = nullptr;
  std::vector<uint8_t> stmtFlags_; ///< per StmtId: kReachable | kChanges
  std::vector<DeadCode> deadCode_;
  std::vector<ConstantCondition> constants_;
  std::vector<GoalAtEntry> goalsAtEntry_;
  std::vector<DuplicateSend> duplicates_;
  std::vector<UnguardedSend> unguarded_;
  std::vector<uint64_t> identities_; ///< per FlowId, with a memo only
};

} // namespace mac::analyzer
