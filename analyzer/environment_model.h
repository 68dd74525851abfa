// The environment model: what each declared environment of a bundle would
// really do. For every environment: whether it is production, its safe-mode
// audience, throttle and prefix. For every (environment, webhook): the URL a
// build for that environment would call (its `url ENV` line, else the
// default line) and where that URL is written, and which URL is the
// production one. For every (environment, flag): whether the flag can be on
// there (`envs` list, constant `on;` / `off;`). For every webhook: the
// `call` statements that call it, and in which environments each can run
// (a call inside `if flag F` cannot run where F is always off).
//
// The integration checks (MAC5004, MAC5005) read it; backends reuse it to
// emit per-environment URLs and flag states. Computed once per Program.
#pragma once

#include "analyzer/check.h"
#include "analyzer/url_endpoint.h"

#include <memory>
#include <optional>
#include <string_view>
#include <vector>

namespace mac::analyzer {

/// One declared environment, in declaration order.
struct Environment {
  sema::EnvId id;
  const sema::Env *decl = nullptr; ///< name, ranges, prefix, safe_mode, throttle as declared
  bool production = false;         ///< named `prod` or declares `production;`

  std::string_view name() const { return decl->name; }
  /// The segment or list every send is restricted to; invalid when absent.
  sema::AssetRef safeMode() const { return decl->safeMode; }
  const std::optional<sema::Rate> &throttle() const { return decl->throttle; }
  const std::optional<sema::Text> &prefix() const { return decl->prefix; }
};

/// The URL a webhook call goes to in one environment.
struct Endpoint {
  const sema::Text *url = nullptr;    ///< the literal; null when no URL line applies
  sema::EnvId line;                   ///< whose `url ENV` line it is; invalid: the default line
  const UrlEndpoint *parts = nullptr; ///< null when the URL is not an absolute URL with a host

  bool exists() const { return url != nullptr; }
  bool isDefault() const { return url && !line.isValid(); }
  /// Where the URL is written (the literal, quotes included).
  SourceRange range() const { return url ? url->range : SourceRange{}; }
  /// True when both calls reach the same host and port. URLs that do not
  /// parse are the same endpoint only when they are the same line.
  bool sameEndpoint(const Endpoint &other) const;
};

/// One `call W` statement.
struct CallSite {
  sema::FlowId flow;
  sema::StmtId stmt;
  std::vector<sema::EnvId> envs; ///< the environments in which it can run
};

class EnvironmentModel : public Analysis {
public:
  static std::unique_ptr<EnvironmentModel> compute(CheckContext &ctx);
  /// The model of `program` (for users without a CheckContext, e.g. backends).
  static std::unique_ptr<EnvironmentModel> build(const sema::Program &program);

  /// Every declared environment, in declaration order (index = EnvId).
  const std::vector<Environment> &environments() const { return envs_; }
  const Environment &environment(sema::EnvId id) const { return envs_[id.value]; }
  /// The environment named `name`, or null.
  const Environment *find(std::string_view name) const;

  /// The URL `webhook` calls in `env`: the `url env` line, else the default.
  const Endpoint &endpoint(sema::EnvId env, sema::WebhookId webhook) const;
  /// The default (`url "…"` without an environment) line of `webhook`.
  const Endpoint &defaultEndpoint(sema::WebhookId webhook) const {
    return defaults_[webhook.value];
  }
  /// The production URLs of `webhook`: for each production environment the
  /// URL it calls (its own `url prod` line, else the default), one entry per
  /// distinct line; the default alone when no environment is production.
  std::vector<const Endpoint *> productionEndpoints(sema::WebhookId webhook) const;
  /// The production URL that `env` would call for `webhook` (same host and
  /// port), or null. Always null for a production environment.
  const Endpoint *productionEndpointCalledFrom(sema::EnvId env, sema::WebhookId webhook) const;
  /// The parsed parts of the `index`-th URL line of `webhook` (sema order), or null.
  const UrlEndpoint *urlParts(sema::WebhookId webhook, size_t index) const;

  /// False when `flag` is off everywhere (`off;`) or `env` is not in its `envs` list.
  bool flagCanBeOn(sema::EnvId env, sema::FlagId flag) const;
  /// True when `flag` is on for every contact in `env` (`on;`, no `when`, allowed there).
  bool flagAlwaysOn(sema::EnvId env, sema::FlagId flag) const;

  /// Every `call webhook` statement, flows and statements in source order.
  const std::vector<CallSite> &callSites(sema::WebhookId webhook) const {
    return calls_[webhook.value];
  }
  /// True when some flow has a `call webhook` statement.
  bool isCalled(sema::WebhookId webhook) const { return !calls_[webhook.value].empty(); }
  /// The first call of `webhook` that can run in `env`, or null.
  const CallSite *firstCallIn(sema::EnvId env, sema::WebhookId webhook) const;

private:
  friend class EnvironmentWalker;
  const sema::Program *program_ = nullptr;
  std::vector<Environment> envs_;
  std::vector<std::vector<std::optional<UrlEndpoint>>> urlParts_; ///< per webhook, per URL line
  std::vector<Endpoint> defaults_;                                ///< per webhook
  std::vector<Endpoint> endpoints_;          ///< per (env, webhook): env * webhooks + webhook
  std::vector<std::vector<CallSite>> calls_; ///< per webhook
};

} // namespace mac::analyzer
