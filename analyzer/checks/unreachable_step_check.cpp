// MAC2101 unreachable-step: steps that no path reaches — after `stop`, after
// an `if` whose every branch stops, after the step that meets the flow's goal,
// or an `else`/`else if` that earlier conditions leave no path to.
#include "analyzer/check.h"
#include "analyzer/flow_paths.h"

#include <fmt/format.h>

namespace mac::analyzer {

namespace {

std::string goalsText(CheckContext &ctx, const sema::Flow &flow) {
  std::string text;
  for (sema::CondId goal : flow.goals)
    text += (text.empty() ? "`" : " or `") +
            std::string(ctx.textOf(ctx.program().cond(goal).range)) + "`";
  return text;
}

class UnreachableStepCheck final : public Check {
public:
  std::string_view name() const override { return "unreachable-step"; }

  void run(CheckContext &ctx) override {
    for (const DeadCode &dead : ctx.get<FlowPaths>().deadCode()) {
      const sema::Flow &flow = ctx.program().flows[dead.flow.value];
      std::string why, note;
      switch (dead.reason) {
      case DeadReason::AfterStop:
        why = "it follows `stop`", note = "the flow stops here";
        break;
      case DeadReason::AllBranchesStop:
        why = "every branch of the `if` above ends in `stop`",
        note = "every branch of this `if` stops";
        break;
      case DeadReason::GoalMet:
        why = "the flow's goal holds after the step above, so the contact has already left";
        note = fmt::format("after this step the goal {} holds", goalsText(ctx, flow));
        break;
      case DeadReason::EarlierAlwaysTrue:
        why = fmt::format("the condition `{}` above always holds", ctx.textOf(dead.cause));
        note = "this condition always holds";
        break;
      }
      diag::Diagnostic &d = ctx.diags().report(diag::Code::UnreachableStep, dead.range, why);
      d.notes.push_back({note, dead.cause});
    }
  }
};

} // namespace

std::unique_ptr<Check> createUnreachableStepCheck() {
  return std::make_unique<UnreachableStepCheck>();
}

} // namespace mac::analyzer
