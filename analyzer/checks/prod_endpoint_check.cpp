// MAC5004 prod-endpoint-in-nonprod: a non-production environment would call
// a webhook's production endpoint. For every non-production environment and
// every webhook some flow calls there (a call inside `if flag F` does not
// count where F is off), the URL that environment uses (its `url ENV` line,
// else the default) is compared with the production URLs (each production
// environment's own line, else the default) by parsed, lower-cased host and
// port. The primary range is the host of an environment's own line, or the
// default URL it falls back to; notes name the environment, the production
// URL and a call. No fix: the right non-production URL is the user's to name.
#include "analyzer/check.h"
#include "analyzer/environment_model.h"

namespace mac::analyzer {

namespace {

/// The bytes to underline: the host of an environment's own line, or the
/// whole default URL it falls back to.
SourceRange primaryRange(const Endpoint &called) {
  const sema::Text &url = *called.url;
  if (!called.isDefault() && called.parts)
    return url.rangeOf(called.parts->authority.begin, called.parts->authority.end);
  return url.rangeOf(0, static_cast<uint32_t>(url.value.size()));
}

class ProdEndpointCheck final : public Check {
public:
  std::string_view name() const override { return "prod-endpoint-in-nonprod"; }

  void run(CheckContext &ctx) override {
    const EnvironmentModel &model = ctx.get<EnvironmentModel>();
    for (const Environment &env : model.environments())
      for (uint32_t w = 0; w < ctx.program().webhooks.size(); ++w)
        check(ctx, model, env, sema::WebhookId{w});
  }

private:
  static void check(CheckContext &ctx, const EnvironmentModel &model, const Environment &env,
                    sema::WebhookId webhookId) {
    const CallSite *call = model.firstCallIn(env.id, webhookId);
    const Endpoint *production = model.productionEndpointCalledFrom(env.id, webhookId);
    if (env.production || !call || !production)
      return;
    const sema::Webhook &webhook = ctx.program().webhooks[webhookId.value];
    const Endpoint &called = model.endpoint(env.id, webhookId);
    diag::Diagnostic &d = ctx.diags().report(diag::Code::ProdEndpointInNonprod,
                                             primaryRange(called), env.name(), webhook.name);
    std::string envName(env.name());
    d.notes.push_back({called.isDefault()
                           ? "`" + envName + "` is not a production environment and webhook `" +
                                 webhook.name + "` has no `url " + envName +
                                 "` line, so it falls back to the default URL"
                           : "`" + envName + "` is not a production environment",
                       env.decl->nameRange});
    if (production->url != called.url)
      d.notes.push_back({"the production URL is on the same host", production->range()});
    d.notes.push_back({"flow `" + ctx.program().flows[call->flow.value].name + "` calls it here",
                       ctx.program().stmt(call->stmt).range});
  }
};

} // namespace

std::unique_ptr<Check> createProdEndpointCheck() { return std::make_unique<ProdEndpointCheck>(); }

} // namespace mac::analyzer
