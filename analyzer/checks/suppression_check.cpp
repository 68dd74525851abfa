// MAC3007 suppression-missing: a marketing flow (one that sends a template
// that is not `transactional`) with no suppression in force: no `suppress
// unsubscribed`, `suppress list` or `suppress segment` in any bundle policy
// (stdlib ones included) nor in the flow itself. Range: the flow's name.
// Fix: `suppress unsubscribed;` as the flow's first line.
#include "analyzer/check.h"
#include "analyzer/decl_edits.h"
#include "analyzer/program_queries.h"

#include <algorithm>

namespace mac::analyzer {

namespace {

bool suppresses(const sema::PolicyRule *rule) {
  return rule->kind == sema::PolicyKind::SuppressUnsubscribed ||
         rule->kind == sema::PolicyKind::SuppressList ||
         rule->kind == sema::PolicyKind::SuppressSegment;
}

class SuppressionCheck final : public Check {
public:
  std::string_view name() const override { return "suppression-missing"; }

  void run(CheckContext &ctx) override {
    const sema::Program &program = ctx.program();
    // The rules in force are the bundle's (the same for every flow) and the
    // flow's own (policyRulesInForce).
    bool bundleSuppresses = false;
    for (const sema::Policy &policy : program.policies)
      for (const sema::PolicyRule &rule : policy.rules)
        bundleSuppresses = bundleSuppresses || suppresses(&rule);
    if (bundleSuppresses)
      return;
    for (const sema::Flow &flow : program.flows) {
      if (std::any_of(flow.policies.begin(), flow.policies.end(),
                      [](const sema::PolicyRule &rule) { return suppresses(&rule); }) ||
          !isMarketingFlow(program, flow))
        continue;
      diag::Diagnostic &d =
          ctx.diags().report(diag::Code::SuppressionMissing, flow.nameRange, flow.name);
      if (auto edit = insertAfterOpeningBrace(ctx.sources(), flow.range, flow.nameRange.end,
                                              "suppress unsubscribed;"))
        d.fixes.push_back({"suppress unsubscribed contacts in this flow", {*edit}});
    }
  }
};

} // namespace

std::unique_ptr<Check> createSuppressionCheck() { return std::make_unique<SuppressionCheck>(); }

} // namespace mac::analyzer
