// MAC2003 conflicting-updates: two flows that one change of the contact can
// start at once (same trigger kind and target, equal `to` values or one
// without; `require` filters that can hold together) set the same field to
// different literal values, so the final value depends on which runs last.
// One diagnostic per pair of flows and field, at the later flow's `set`, with
// notes at the earlier flow's `set` and at both triggers. Only `set`s that
// some path reaches count; `increment` is not a conflicting update. The
// language server replays a pair's finding from its memo (pair_memo.h).
#include "analyzer/checks/same_trigger.h"
#include "analyzer/flow_paths.h"
#include "analyzer/pair_memo.h"
#include "analyzer/program_queries.h"

#include <fmt/format.h>
#include <llvm/ADT/DenseSet.h>

#include <map>
#include <tuple>

namespace mac::analyzer {

namespace {

using namespace sema;

/// A reachable `set`: the first of its flow for its field and value.
struct SetStep {
  uint32_t field;
  std::string value;
  StmtId stmt;
};

struct Item {
  TriggerRef entry;
  const SetStep *set;
};

class ConflictingUpdatesCheck final : public Check {
public:
  std::string_view name() const override { return "conflicting-updates"; }

  void run(CheckContext &ctx) override {
    const TriggerGraph &graph = ctx.get<TriggerGraph>();
    sets_.assign(ctx.program().flows.size(), std::nullopt);
    for (uint32_t group = 0; group < graph.groups().size(); ++group) {
      std::map<uint32_t, std::vector<Item>> byField;
      for (const TriggerRef &entry : groupEntries(graph, group))
        for (const SetStep &set : setsOf(ctx, entry.flow))
          byField[set.field].push_back({entry, &set});
      for (const auto &[field, items] : byField)
        if (hasTwoValues(items))
          forEachSameTriggerPair(graph, items,
                                 [&](const Item &a, const Item &b) { check(ctx, a, b); });
    }
  }

private:
  const std::vector<SetStep> &setsOf(CheckContext &ctx, FlowId flow) {
    std::optional<std::vector<SetStep>> &sets = sets_[flow.value];
    if (sets)
      return *sets;
    sets.emplace();
    const Program &program = ctx.program();
    const FlowPaths &paths = ctx.get<FlowPaths>();
    forEachStatement(program, program.flows[flow.value].body, [&](StmtId id, const Stmt &stmt) {
      if (stmt.kind != StmtKind::Set || !paths.reachable(id))
        return;
      std::string value = literalText(stmt.value);
      if (std::none_of(sets->begin(), sets->end(), [&](const SetStep &s) {
            return s.field == stmt.field.value && s.value == value;
          }))
        sets->push_back({stmt.field.value, std::move(value), id});
    });
    return *sets;
  }

  static bool hasTwoValues(const std::vector<Item> &items) {
    return std::any_of(items.begin(), items.end(),
                       [&](const Item &i) { return i.set->value != items.front().set->value; });
  }

  void check(CheckContext &ctx, const Item &a, const Item &b) {
    if (a.set->value == b.set->value)
      return;
    auto pair = std::make_tuple(a.entry.flow.value, b.entry.flow.value, a.set->field);
    if (reported_.count(pair))
      return;
    // The pair's finding is a function of both flows (their `set`s are
    // numbered within each flow): replayed from the server's memo when it
    // has it.
    PairFinding finding(ctx, kMemoCheck, a.entry, b.entry,
                        uint32_t(a.set - sets_[a.entry.flow.value]->data()),
                        uint32_t(b.set - sets_[b.entry.flow.value]->data()));
    if (!finding.mustReport()) {
      if (finding.replayed())
        reported_.insert(pair);
      return;
    }
    reported_.insert(pair);
    const Program &program = ctx.program();
    const Flow &first = program.flows[a.entry.flow.value];
    const Flow &second = program.flows[b.entry.flow.value];
    const Field &field = program.fields[a.set->field];
    diag::Diagnostic &d =
        ctx.diags().report(diag::Code::ConflictingUpdates, program.stmt(b.set->stmt).range,
                           first.name, second.name, field.name);
    d.notes.push_back(
        {fmt::format("flow `{}` sets `{}` to {} here", first.name, field.name, a.set->value),
         program.stmt(a.set->stmt).range});
    for (const auto &[flow, entry] : {std::pair{&first, a.entry}, std::pair{&second, b.entry}}) {
      const Trigger &trigger = flow->triggers[entry.trigger];
      d.notes.push_back(
          {fmt::format("flow `{}` starts on `{}`", flow->name, triggerLabel(program, trigger)),
           trigger.range});
    }
    finding.remember(d);
  }

  static constexpr uint32_t kMemoCheck = 2003;
  std::vector<std::optional<std::vector<SetStep>>> sets_;
  llvm::DenseSet<std::tuple<uint32_t, uint32_t, uint32_t>> reported_; ///< membership only
};

} // namespace

std::unique_ptr<Check> createConflictingUpdatesCheck() {
  return std::make_unique<ConflictingUpdatesCheck>();
}

} // namespace mac::analyzer
