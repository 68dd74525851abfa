// MAC5001 webhook-no-retry: a webhook without a retry policy (no `retry`
// line, or `retry 0`) drops the contact's data on the first failed call.
// Fix: add `retry 3 backoff 30s;` as the webhook's last line, or retry 3
// times instead of 0.
#include "analyzer/check.h"
#include "analyzer/decl_edits.h"

namespace mac::analyzer {

namespace {

constexpr std::string_view kRetryLine = "retry 3 backoff 30s;";

/// The range of the count in a `retry N backoff D;` statement.
SourceRange countIn(std::string_view statement, SourceRange range) {
  size_t begin = statement.find_first_of("0123456789");
  if (begin == std::string_view::npos)
    return {};
  size_t end = statement.find_first_not_of("0123456789", begin);
  end = end == std::string_view::npos ? statement.size() : end;
  return {range.file, range.begin + static_cast<uint32_t>(begin),
          range.begin + static_cast<uint32_t>(end)};
}

class WebhookRetryCheck final : public Check {
public:
  std::string_view name() const override { return "webhook-no-retry"; }

  void run(CheckContext &ctx) override {
    for (const sema::Webhook &webhook : ctx.program().webhooks) {
      if ((webhook.retries && *webhook.retries > 0) || inStdlib(ctx.sources(), webhook.range))
        continue;
      if (!webhook.retries)
        reportMissing(ctx, webhook);
      else
        reportZero(ctx, webhook);
    }
  }

private:
  static void reportMissing(CheckContext &ctx, const sema::Webhook &webhook) {
    diag::Diagnostic &d =
        ctx.diags().report(diag::Code::WebhookNoRetry, webhook.nameRange, webhook.name);
    if (auto edit = insertBeforeClosingBrace(ctx.sources(), webhook.range, kRetryLine))
      d.fixes.push_back({"add `" + std::string(kRetryLine) + "`", {*edit}});
  }

  static void reportZero(CheckContext &ctx, const sema::Webhook &webhook) {
    const SourceRange &statement = webhook.retryRange;
    diag::Diagnostic &d =
        ctx.diags().report(diag::Code::WebhookNoRetry,
                           statement.isValid() ? statement : webhook.nameRange, webhook.name);
    if (!statement.isValid())
      return;
    SourceRange count = countIn(ctx.textOf(statement), statement);
    if (!count.isValid())
      return;
    d.notes.push_back({"`retry 0` makes one attempt and never retries a failed call", count});
    d.fixes.push_back({"retry 3 times", {{count, "3"}}});
  }
};

} // namespace

std::unique_ptr<Check> createWebhookRetryCheck() { return std::make_unique<WebhookRetryCheck>(); }

} // namespace mac::analyzer
