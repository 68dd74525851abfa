// MAC3008 consent-record-incomplete: a `consent` declaration must record proof
// of consent, a timestamp and a source field, as the GDPR (Art. 7(1)) and the
// TCPA's prior-express-written-consent rule expect a sender to be able to show.
#include "analyzer/check.h"

namespace mac::analyzer {

namespace {

class ConsentRecordCheck final : public Check {
public:
  std::string_view name() const override { return "consent-record"; }

  void run(CheckContext &ctx) override {
    for (const sema::Consent &consent : ctx.program().consents) {
      const char *missing = !consent.timestamp && !consent.source ? "a timestamp or a source"
                            : !consent.timestamp                  ? "a timestamp"
                            : !consent.source                     ? "a source"
                                                                  : nullptr;
      if (missing)
        ctx.diags().report(diag::Code::ConsentRecordIncomplete, consent.range,
                           sema::channelName(consent.channel), missing);
    }
  }
};

} // namespace

std::unique_ptr<Check> createConsentRecordCheck() { return std::make_unique<ConsentRecordCheck>(); }

} // namespace mac::analyzer
