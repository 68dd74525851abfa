// MAC2001 trigger-loop: flows that start each other in a cycle. One
// diagnostic per strongly connected component of the trigger graph with more
// than one flow, at the first action of one cycle through it; the message
// names the whole cycle in order, the notes show every action and trigger on
// it. A cycle whose flows never re-enrol (`reenroll never`, the default) turns
// at most once per contact: a warning. One that holds a flow with
// `reenroll after D` can turn forever: an error naming those flows.
#include "analyzer/trigger_graph.h"

#include <fmt/format.h>

namespace mac::analyzer {

namespace {

using namespace sema;

/// `30d`, `12h`, `15m`, `45s`: the largest unit that divides the duration.
std::string durationText(int64_t seconds) {
  static constexpr std::pair<int64_t, char> units[] = {{86400, 'd'}, {3600, 'h'}, {60, 'm'}};
  for (auto [size, unit] : units)
    if (seconds > 0 && seconds % size == 0)
      return fmt::format("{}{}", seconds / size, unit);
  return fmt::format("{}s", seconds);
}

class TriggerLoopCheck final : public Check {
public:
  std::string_view name() const override { return "trigger-loop"; }

  void run(CheckContext &ctx) override {
    const TriggerGraph &graph = ctx.get<TriggerGraph>();
    for (const Cycle &cycle : graph.cycles())
      report(ctx, cycle);
  }

private:
  static void report(CheckContext &ctx, const Cycle &cycle) {
    const Program &program = ctx.program();
    std::string path;
    std::vector<std::string> reenrolling;
    for (const CycleStep &step : cycle.steps) {
      const Flow &flow = program.flows[step.from.value];
      path += fmt::format("`{}` → ", flow.name);
      if (flow.reenrollAfterSeconds)
        reenrolling.push_back(fmt::format("`{}` has `reenroll after {}`", flow.name,
                                          durationText(*flow.reenrollAfterSeconds)));
    }
    path += fmt::format("`{}`", program.flows[cycle.steps.front().from.value].name);
    bool bounded = std::none_of(cycle.flows.begin(), cycle.flows.end(), [&](FlowId id) {
      return program.flows[id.value].reenrollAfterSeconds.has_value();
    });
    std::string summary =
        bounded ? path + " (bounded: no flow on it re-enrols, so a contact goes round at most once)"
                : path + " (unbounded: " + fmt::format("{}", fmt::join(reenrolling, ", ")) + ")";
    const Stmt &first = program.stmt(cycle.steps.front().action);
    diag::Diagnostic &d = ctx.diags().report(diag::Code::TriggerLoop, first.range, summary);
    if (bounded)
      d.severity = diag::Severity::Warning;
    for (const CycleStep &step : cycle.steps) {
      const Flow &from = program.flows[step.from.value];
      const Flow &to = program.flows[step.to.flow.value];
      const Trigger &trigger = to.triggers[step.to.trigger];
      std::string fired = triggerLabel(program, trigger);
      d.notes.push_back(
          {fmt::format("`{}` in flow `{}` fires `{}`",
                       actionLabel(program, program.stmt(step.action)), from.name, fired),
           program.stmt(step.action).range});
      d.notes.push_back({fmt::format("`{}` starts flow `{}`", fired, to.name), trigger.range});
    }
  }
};

} // namespace

std::unique_ptr<Check> createTriggerLoopCheck() { return std::make_unique<TriggerLoopCheck>(); }

} // namespace mac::analyzer
