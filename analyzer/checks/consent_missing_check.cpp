// MAC3001 consent-missing: a marketing send (not `transactional`) reached by
// some path on which the channel's consent was never established: no
// `require consent C`, no enclosing `if consent C`, no policy
// `require consent C`.
#include "analyzer/check.h"
#include "analyzer/checks/consent_guard.h"
#include "analyzer/flow_paths.h"

namespace mac::analyzer {

namespace {

class ConsentMissingCheck final : public Check {
public:
  std::string_view name() const override { return "consent-missing"; }

  void run(CheckContext &ctx) override {
    const sema::Program &program = ctx.program();
    for (const UnguardedSend &send : ctx.get<FlowPaths>().unguardedSends()) {
      if (send.stale)
        continue;
      const sema::Stmt &stmt = program.stmt(send.send);
      diag::Diagnostic &d =
          ctx.diags().report(diag::Code::ConsentMissing, stmt.range,
                             program.declared(stmt.target).name, sema::channelName(send.channel));
      d.fixes.push_back(wrapInConsentCheck(stmt, send.channel));
    }
  }
};

} // namespace

std::unique_ptr<Check> createConsentMissingCheck() {
  return std::make_unique<ConsentMissingCheck>();
}

} // namespace mac::analyzer
