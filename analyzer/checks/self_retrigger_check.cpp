// MAC2002 self-retrigger: a flow's own action fires one of its own triggers
// (`on field_changed score; increment score by 10;`), so the platform can
// enrol the contact again straight away. Reported once per action, at the
// action, naming the first of the flow's triggers it fires; actions that
// FlowPaths proves change nothing (adding a tag the trigger guarantees) are
// not edges of the trigger graph and so are never reported.
#include "analyzer/trigger_graph.h"

#include <fmt/format.h>

namespace mac::analyzer {

namespace {

using namespace sema;

class SelfRetriggerCheck final : public Check {
public:
  std::string_view name() const override { return "self-retrigger"; }

  void run(CheckContext &ctx) override {
    const Program &program = ctx.program();
    for (const SelfFiring &self : ctx.get<TriggerGraph>().selfFirings()) {
      const Flow &flow = program.flows[self.flow.value];
      const Trigger &trigger = flow.triggers[self.trigger];
      const Stmt &action = program.stmt(self.action);
      std::string fired = triggerLabel(program, trigger);
      diag::Diagnostic &d =
          ctx.diags().report(diag::Code::SelfRetrigger, action.range, flow.name, fired);
      d.notes.push_back(
          {fmt::format("`{}` fires `{}`", actionLabel(program, action), fired), action.range});
      d.notes.push_back(
          {fmt::format("`{}` starts flow `{}` again", fired, flow.name), trigger.range});
    }
  }
};

} // namespace

std::unique_ptr<Check> createSelfRetriggerCheck() { return std::make_unique<SelfRetriggerCheck>(); }

} // namespace mac::analyzer
