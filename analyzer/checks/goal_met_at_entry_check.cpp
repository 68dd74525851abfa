// MAC2104 goal-met-at-entry: a trigger (with the `require` filters) that
// already makes the flow's goal true, so a contact entering through it
// leaves at once and the body never runs for it.
#include "analyzer/check.h"
#include "analyzer/flow_paths.h"

namespace mac::analyzer {

namespace {

class GoalMetAtEntryCheck final : public Check {
public:
  std::string_view name() const override { return "goal-met-at-entry"; }

  void run(CheckContext &ctx) override {
    for (const GoalAtEntry &entry : ctx.get<FlowPaths>().goalsAtEntry()) {
      const sema::Flow &flow = ctx.program().flows[entry.flow.value];
      SourceRange goal = ctx.program().cond(entry.goal).range;
      diag::Diagnostic &d =
          ctx.diags().report(diag::Code::GoalMetAtEntry, flow.triggers[entry.trigger].range,
                             flow.name, ctx.textOf(goal));
      d.notes.push_back({"the goal is declared here", goal});
    }
  }
};

} // namespace

std::unique_ptr<Check> createGoalMetAtEntryCheck() {
  return std::make_unique<GoalMetAtEntryCheck>();
}

} // namespace mac::analyzer
