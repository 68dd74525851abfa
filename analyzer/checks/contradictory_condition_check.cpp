// MAC2102 contradictory-condition: a branch condition (or a `require`) that
// is false on every path reaching it, given the trigger, the `require`
// filters, the goals, enclosing conditions and earlier steps.
#include "analyzer/check.h"
#include "analyzer/flow_paths.h"

namespace mac::analyzer {

namespace {

class ContradictoryConditionCheck final : public Check {
public:
  std::string_view name() const override { return "contradictory-condition"; }

  void run(CheckContext &ctx) override {
    for (const ConstantCondition &constant : ctx.get<FlowPaths>().constantConditions())
      if (!constant.value) {
        SourceRange range = ctx.program().cond(constant.cond).range;
        ctx.diags().report(diag::Code::ContradictoryCondition, range, ctx.textOf(range));
      }
  }
};

} // namespace

std::unique_ptr<Check> createContradictoryConditionCheck() {
  return std::make_unique<ContradictoryConditionCheck>();
}

} // namespace mac::analyzer
