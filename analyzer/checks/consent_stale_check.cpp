// MAC3006 consent-stale: consent was checked, then the flow waited, then it
// sends without checking again; the contact may have withdrawn meanwhile.
#include "analyzer/check.h"
#include "analyzer/checks/consent_guard.h"
#include "analyzer/flow_paths.h"

namespace mac::analyzer {

namespace {

class ConsentStaleCheck final : public Check {
public:
  std::string_view name() const override { return "consent-stale"; }

  void run(CheckContext &ctx) override {
    const sema::Program &program = ctx.program();
    for (const UnguardedSend &send : ctx.get<FlowPaths>().unguardedSends()) {
      if (!send.stale)
        continue;
      const sema::Stmt &stmt = program.stmt(send.send);
      diag::Diagnostic &d =
          ctx.diags().report(diag::Code::ConsentStale, stmt.range, sema::channelName(send.channel),
                             program.declared(stmt.target).name);
      d.notes.push_back({"consent is checked here", send.checkedAt});
      d.notes.push_back({"then the flow waits here", program.stmt(send.waitedAt).range});
      d.fixes.push_back(wrapInConsentCheck(stmt, send.channel));
    }
  }
};

} // namespace

std::unique_ptr<Check> createConsentStaleCheck() { return std::make_unique<ConsentStaleCheck>(); }

} // namespace mac::analyzer
