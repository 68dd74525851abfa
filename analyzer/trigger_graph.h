// The trigger graph of a bundle (LANGUAGE.md §6): which action of which flow
// can start which other flow. Every distinct trigger (`tag_added inbound`,
// `field_changed lead_status to "SQL"`, `form_submitted "Demo"`…) is a *key*;
// a flow's action *fires* a key when the action can really change the
// contact the way the trigger waits for (`add tag T` → `tag_added T`,
// `add to list L` → `list_joined L`, `set F = v` → `field_changed F` and
// `field_changed F to v`, `increment F` → `field_changed F` and every numeric
// `field_changed F to w`, `emit event "e"` → `event "e"`). Forms and
// schedules are never fired by actions.
//
// The graph's nodes are flows and keys: flow → key for every firing, key →
// flow for every trigger. Its size is linear in the bundle (plus, for
// `increment`, the distinct numeric `to` values of the field), so building it
// and finding its strongly connected components (an iterative Tarjan) scale
// to bundles of many thousands of flows. For every component with more than
// one flow, a breadth-first search finds one cycle through it, so that a
// diagnostic can name the whole cycle in order.
//
// Checks read it with `ctx.get<TriggerGraph>()`; `mac graph` renders it.
#pragma once

#include "analyzer/check.h"

#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <vector>

namespace mac::analyzer {

/// One trigger of one flow: `program.flows[flow].triggers[trigger]`.
struct TriggerRef {
  sema::FlowId flow;
  uint32_t trigger = 0;
};

/// One distinct trigger, with every flow that starts on it.
struct TriggerKey {
  sema::TriggerKind kind = sema::TriggerKind::Event;
  std::string label;                ///< `tag_added inbound`, `form_submitted "Demo"`
  std::vector<TriggerRef> triggers; ///< in declaration order (flows, then their triggers)
  uint32_t group = 0;               ///< keys of the same kind and target, whatever the value
  bool valued = false;              ///< `field_changed F to v`
  bool fired = false;               ///< some action can fire it
};

/// A flow's action that can fire a key.
struct Firing {
  sema::StmtId action;
  uint32_t key = 0;
};

/// One edge of a cycle: `from`'s `action` fires trigger `to` (which starts its flow).
struct CycleStep {
  sema::FlowId from;
  sema::StmtId action;
  TriggerRef to;
};

/// A strongly connected component of more than one flow, and one cycle through it.
struct Cycle {
  std::vector<sema::FlowId> flows; ///< every flow of the component, in declaration order
  std::vector<CycleStep> steps;    ///< the cycle in order; the last step returns to the first flow
};

/// An action that fires a trigger of its own flow (MAC2002).
struct SelfFiring {
  sema::FlowId flow;
  sema::StmtId action;
  uint32_t trigger = 0;
};

class TriggerGraph : public Analysis {
public:
  /// The graph of `ctx.program()`, skipping actions that FlowPaths says cannot
  /// change anything.
  static std::unique_ptr<TriggerGraph> compute(CheckContext &ctx);
  /// The graph of `program`; `canFire(action)` is false for an action that
  /// never changes anything (events always fire).
  static std::unique_ptr<TriggerGraph> build(const sema::Program &program,
                                             const std::function<bool(sema::StmtId)> &canFire);

  /// Every distinct trigger, in order of first appearance.
  const std::vector<TriggerKey> &keys() const { return keys_; }
  /// The key of one trigger.
  uint32_t keyOf(TriggerRef ref) const { return triggerKeys_[ref.flow.value][ref.trigger]; }
  /// The firings of a flow's actions, in source order (an action may fire several keys).
  std::span<const Firing> firingsOf(sema::FlowId flow) const;
  /// The cyclic components, ordered by their first flow.
  const std::vector<Cycle> &cycles() const { return cycles_; }
  /// The index in cycles() of the component holding `flow`, or -1.
  int cycleOf(sema::FlowId flow) const { return cycleOfFlow_[flow.value]; }
  /// Every action that fires a trigger of its own flow, in source order (the
  /// first such trigger for each action).
  const std::vector<SelfFiring> &selfFirings() const { return selfFirings_; }
  /// True when `flow` has a trigger on key `key`.
  bool startsOn(sema::FlowId flow, uint32_t key) const;
  /// Keys of the same kind and target (`field_changed F` and every
  /// `field_changed F to v`), each group's keys in order of appearance.
  const std::vector<std::vector<uint32_t>> &groups() const { return groups_; }
  /// True when one change of the contact can fire both keys: the same key, or
  /// keys of one group of which at least one has no `to` value.
  bool keysOverlap(uint32_t a, uint32_t b) const;

private:
  friend class GraphBuilder;
  std::vector<TriggerKey> keys_;
  std::vector<std::vector<uint32_t>> groups_;
  std::vector<std::vector<uint32_t>> triggerKeys_; ///< per flow, per trigger
  std::vector<Firing> firings_;
  std::vector<uint32_t> firingStart_; ///< per flow + 1: offsets into firings_
  std::vector<Cycle> cycles_;
  std::vector<int> cycleOfFlow_;
  std::vector<SelfFiring> selfFirings_;
};

/// The trigger as written without `on` and `;`: `field_changed lead_status to "SQL"`.
std::string triggerLabel(const sema::Program &program, const sema::Trigger &trigger);
/// An action as written, without `;`: `add tag inbound`, `set lead_status = "MQL"`.
std::string actionLabel(const sema::Program &program, const sema::Stmt &stmt);
/// A literal as written in the source: strings quoted and escaped.
std::string literalText(const sema::Value &value);

} // namespace mac::analyzer
