// MAC5002 webhook-no-dead-letter: a webhook with neither `dead_letter` nor
// `alert` loses a call silently once its retries are exhausted. No fix: the
// destination (a queue, a channel) is the user's to name.
#include "analyzer/check.h"
#include "analyzer/decl_edits.h"

namespace mac::analyzer {

namespace {

class WebhookDeadLetterCheck final : public Check {
public:
  std::string_view name() const override { return "webhook-no-dead-letter"; }

  void run(CheckContext &ctx) override {
    for (const sema::Webhook &webhook : ctx.program().webhooks)
      if (!webhook.deadLetter && !webhook.alert && !inStdlib(ctx.sources(), webhook.range))
        ctx.diags().report(diag::Code::WebhookNoDeadLetter, webhook.nameRange, webhook.name);
  }
};

} // namespace

std::unique_ptr<Check> createWebhookDeadLetterCheck() {
  return std::make_unique<WebhookDeadLetterCheck>();
}

} // namespace mac::analyzer
