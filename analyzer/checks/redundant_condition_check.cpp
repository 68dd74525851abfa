// MAC2103 redundant-condition: a branch condition that is true on every path
// reaching it, so it tests nothing (and any `else` after it is dead).
#include "analyzer/check.h"
#include "analyzer/flow_paths.h"

namespace mac::analyzer {

namespace {

class RedundantConditionCheck final : public Check {
public:
  std::string_view name() const override { return "redundant-condition"; }

  void run(CheckContext &ctx) override {
    for (const ConstantCondition &constant : ctx.get<FlowPaths>().constantConditions())
      if (constant.value) {
        SourceRange range = ctx.program().cond(constant.cond).range;
        ctx.diags().report(diag::Code::RedundantCondition, range, ctx.textOf(range));
      }
  }
};

} // namespace

std::unique_ptr<Check> createRedundantConditionCheck() {
  return std::make_unique<RedundantConditionCheck>();
}

} // namespace mac::analyzer
