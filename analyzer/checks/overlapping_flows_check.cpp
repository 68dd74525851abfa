// MAC2202 overlapping-flows: two flows that one change of the contact can
// start at once (same trigger kind and target, equal `to` values or one
// without; `require` filters that can hold together) both send a marketing
// (non-transactional) template on the same channel, so the contact gets two
// messages at once. One diagnostic per pair of flows and channel, at the later
// flow's trigger, with notes at the earlier flow's trigger and at the first
// reachable marketing send of each flow on that channel. The language server
// replays a pair's finding from its memo (pair_memo.h).
#include "analyzer/checks/same_trigger.h"
#include "analyzer/flow_paths.h"
#include "analyzer/pair_memo.h"
#include "analyzer/program_queries.h"

#include <fmt/format.h>
#include <llvm/ADT/DenseSet.h>

#include <array>
#include <tuple>

namespace mac::analyzer {

namespace {

using namespace sema;

constexpr size_t kChannels = 3;

/// The first reachable marketing send of a flow on each channel.
using Sends = std::array<StmtId, kChannels>;

struct Item {
  TriggerRef entry;
  StmtId send;
};

std::string_view channelWords(size_t channel) {
  static constexpr std::string_view words[kChannels] = {"marketing email", "marketing SMS",
                                                        "marketing push notifications"};
  return words[channel];
}

class OverlappingFlowsCheck final : public Check {
public:
  std::string_view name() const override { return "overlapping-flows"; }

  void run(CheckContext &ctx) override {
    const TriggerGraph &graph = ctx.get<TriggerGraph>();
    sends_.assign(ctx.program().flows.size(), std::nullopt);
    for (uint32_t group = 0; group < graph.groups().size(); ++group) {
      std::vector<TriggerRef> entries = groupEntries(graph, group);
      for (size_t channel = 0; channel < kChannels; ++channel) {
        std::vector<Item> items;
        for (const TriggerRef &entry : entries)
          if (StmtId send = sendsOf(ctx, entry.flow)[channel])
            items.push_back({entry, send});
        forEachSameTriggerPair(graph, items,
                               [&](const Item &a, const Item &b) { check(ctx, a, b, channel); });
      }
    }
  }

private:
  const Sends &sendsOf(CheckContext &ctx, FlowId flow) {
    std::optional<Sends> &sends = sends_[flow.value];
    if (sends)
      return *sends;
    sends.emplace();
    const Program &program = ctx.program();
    const FlowPaths &paths = ctx.get<FlowPaths>();
    forEachStatement(program, program.flows[flow.value].body, [&](StmtId id, const Stmt &stmt) {
      std::optional<Channel> channel = sendChannel(stmt);
      if (channel && !(*sends)[size_t(*channel)] && isMarketingSend(program, stmt) &&
          paths.reachable(id))
        (*sends)[size_t(*channel)] = id;
    });
    return *sends;
  }

  void check(CheckContext &ctx, const Item &a, const Item &b, size_t channel) {
    auto pair = std::make_tuple(a.entry.flow.value, b.entry.flow.value, uint32_t(channel));
    if (reported_.count(pair))
      return;
    // The pair's finding is a function of both flows (their sends on the
    // channel included): replayed from the server's memo when it has it.
    PairFinding finding(ctx, kMemoCheck, a.entry, b.entry, uint32_t(channel));
    if (!finding.mustReport()) {
      if (finding.replayed())
        reported_.insert(pair);
      return;
    }
    reported_.insert(pair);
    const Program &program = ctx.program();
    const Flow &first = program.flows[a.entry.flow.value];
    const Flow &second = program.flows[b.entry.flow.value];
    const Trigger &firstTrigger = first.triggers[a.entry.trigger];
    diag::Diagnostic &d =
        ctx.diags().report(diag::Code::OverlappingFlows, second.triggers[b.entry.trigger].range,
                           first.name, second.name, channelWords(channel));
    d.notes.push_back(
        {fmt::format("flow `{}` starts on `{}`", first.name, triggerLabel(program, firstTrigger)),
         firstTrigger.range});
    for (const auto &[flow, send] : {std::pair{&first, a.send}, std::pair{&second, b.send}}) {
      const Stmt &stmt = program.stmt(send);
      d.notes.push_back(
          {fmt::format("flow `{}` sends `{}` here", flow->name, program.declared(stmt.target).name),
           stmt.range});
    }
    finding.remember(d);
  }

  static constexpr uint32_t kMemoCheck = 2202;
  std::vector<std::optional<Sends>> sends_;
  llvm::DenseSet<std::tuple<uint32_t, uint32_t, uint32_t>> reported_; ///< membership only
};

} // namespace

std::unique_ptr<Check> createOverlappingFlowsCheck() {
  return std::make_unique<OverlappingFlowsCheck>();
}

} // namespace mac::analyzer
