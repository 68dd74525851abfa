// Builds the environment model (see environment_model.h). URLs are parsed
// once per URL line; call sites are found with forEachStatement, then each
// environment walks every flow that has one, iteratively, skipping the
// branches whose condition is always false there (a `flag` that is off in
// that environment, combined with `and` / `or` / `not`), so a call only
// reachable through such a branch does not count as running in that
// environment. Flows are walked in parallel, and a flow whose conditions
// mention no flag only once.
#include "analyzer/environment_model.h"

#include "analyzer/program_queries.h"

#include <llvm/Support/Parallel.h>

#include <algorithm>

namespace mac::analyzer {

using namespace sema;

bool Endpoint::sameEndpoint(const Endpoint &other) const {
  if (!url || !other.url)
    return false;
  if (url == other.url)
    return true;
  return parts && other.parts && parts->sameEndpoint(*other.parts);
}

/// Walks flows for one environment, deciding which call sites can run there.
class EnvironmentWalker {
public:
  /// `siteOf[stmt]` is the index of a `call` statement among its webhook's call sites.
  EnvironmentWalker(const EnvironmentModel &model, const std::vector<uint32_t> &siteOf, EnvId env)
      : model_(model), program_(*model.program_), siteOf_(siteOf), env_(env) {}

  /// Appends `env_` to every call site of flow `f` reachable in it.
  void markCalls(const Flow &flow, std::vector<std::vector<CallSite>> &calls) {
    bool enters = std::none_of(flow.enrolmentFilters.begin(), flow.enrolmentFilters.end(),
                               [&](CondId c) { return evaluate(c) == Truth::False; });
    if (enters)
      walk(flow.body, calls);
  }

  /// True when no condition of the flow (`require`, branches) mentions a
  /// flag: then what runs is the same in every environment.
  static bool flagFree(const Program &program, const Flow &flow) {
    std::vector<CondId> pending(flow.enrolmentFilters.begin(), flow.enrolmentFilters.end());
    forEachStatement(program, flow.body, [&](StmtId, const Stmt &stmt) {
      for (const Branch &branch : stmt.branches)
        pending.push_back(branch.condition);
    });
    while (!pending.empty()) {
      CondId id = pending.back();
      pending.pop_back();
      if (!id.isValid())
        continue;
      const Cond &cond = program.cond(id);
      if (cond.kind == CondKind::Flag)
        return false;
      pending.insert(pending.end(), cond.children.begin(), cond.children.end());
    }
    return true;
  }

private:
  enum class Truth : uint8_t { False, True, Unknown };

  static Truth both(Truth a, Truth b) {
    if (a == Truth::False || b == Truth::False)
      return Truth::False;
    return a == Truth::True && b == Truth::True ? Truth::True : Truth::Unknown;
  }
  static Truth either(Truth a, Truth b) {
    if (a == Truth::True || b == Truth::True)
      return Truth::True;
    return a == Truth::False && b == Truth::False ? Truth::False : Truth::Unknown;
  }
  static Truth negated(Truth a) {
    return a == Truth::Unknown ? a : (a == Truth::True ? Truth::False : Truth::True);
  }

  Truth leaf(const Cond &cond) const {
    switch (cond.kind) {
    case CondKind::True:
      return Truth::True;
    case CondKind::False:
      return Truth::False;
    case CondKind::Flag:
      if (!cond.flag.isValid())
        return Truth::Unknown;
      if (!model_.flagCanBeOn(env_, cond.flag))
        return Truth::False;
      return model_.flagAlwaysOn(env_, cond.flag) ? Truth::True : Truth::Unknown;
    default:
      return Truth::Unknown;
    }
  }

  /// Three-valued value of `root` in this environment, without recursion.
  Truth evaluate(CondId root) const {
    struct Frame {
      CondId id;
      size_t next;
      Truth acc;
    };
    auto start = [&](CondId id) {
      CondKind kind = program_.cond(id).kind;
      return Frame{id, 0, kind == CondKind::And ? Truth::True : Truth::False};
    };
    std::vector<Frame> stack{start(root)};
    Truth value = Truth::Unknown;
    while (!stack.empty()) {
      const Cond &cond = program_.cond(stack.back().id);
      bool composite =
          cond.kind == CondKind::And || cond.kind == CondKind::Or || cond.kind == CondKind::Not;
      if (composite && stack.back().next < cond.children.size()) {
        CondId child = cond.children[stack.back().next++];
        stack.push_back(start(child));
        continue;
      }
      value = composite ? stack.back().acc : leaf(cond);
      stack.pop_back();
      if (stack.empty())
        break;
      Frame &parent = stack.back();
      CondKind kind = program_.cond(parent.id).kind;
      parent.acc = kind == CondKind::And  ? both(parent.acc, value)
                   : kind == CondKind::Or ? either(parent.acc, value)
                                          : negated(value);
    }
    return value;
  }

  void walk(const std::vector<StmtId> &body, std::vector<std::vector<CallSite>> &calls) {
    std::vector<const std::vector<StmtId> *> blocks{&body};
    while (!blocks.empty()) {
      const std::vector<StmtId> *block = blocks.back();
      blocks.pop_back();
      for (StmtId id : *block) {
        const Stmt &stmt = program_.stmt(id);
        if (uint32_t site = siteOf_[id.value]; site != UINT32_MAX)
          calls[stmt.target.index][site].envs.push_back(env_);
        if (stmt.kind != StmtKind::If)
          continue;
        bool earlierTrue = false;
        for (const Branch &branch : stmt.branches) {
          Truth truth = evaluate(branch.condition);
          if (!earlierTrue && truth != Truth::False)
            blocks.push_back(&branch.body);
          earlierTrue = earlierTrue || truth == Truth::True;
        }
        if (!earlierTrue)
          blocks.push_back(&stmt.elseBody);
      }
    }
  }

  const EnvironmentModel &model_;
  const Program &program_;
  const std::vector<uint32_t> &siteOf_;
  EnvId env_;
};

std::unique_ptr<EnvironmentModel> EnvironmentModel::compute(CheckContext &ctx) {
  return build(ctx.program());
}

namespace {

Endpoint endpointFor(const Webhook &webhook, const std::vector<std::optional<UrlEndpoint>> &parts,
                     EnvId env) {
  for (size_t i = 0; i < webhook.urls.size(); ++i)
    if (webhook.urls[i].env == env)
      return {&webhook.urls[i].url, env, parts[i] ? &*parts[i] : nullptr};
  return {};
}

} // namespace

std::unique_ptr<EnvironmentModel> EnvironmentModel::build(const Program &program) {
  auto model = std::make_unique<EnvironmentModel>();
  model->program_ = &program;
  for (uint32_t e = 0; e < program.envs.size(); ++e)
    model->envs_.push_back({EnvId{e}, &program.envs[e], program.envs[e].production});

  size_t webhooks = program.webhooks.size();
  model->urlParts_.resize(webhooks);
  model->calls_.resize(webhooks);
  for (const Webhook &webhook : program.webhooks) {
    auto &parts = model->urlParts_[&webhook - program.webhooks.data()];
    for (const WebhookUrl &url : webhook.urls)
      parts.push_back(parseUrlEndpoint(url.url.value));
  }
  for (size_t w = 0; w < webhooks; ++w)
    model->defaults_.push_back(endpointFor(program.webhooks[w], model->urlParts_[w], EnvId{}));
  for (uint32_t e = 0; e < program.envs.size(); ++e)
    for (size_t w = 0; w < webhooks; ++w) {
      Endpoint own = endpointFor(program.webhooks[w], model->urlParts_[w], EnvId{e});
      model->endpoints_.push_back(own.exists() ? own : model->defaults_[w]);
    }

  std::vector<uint32_t> siteOf(program.stmts.size(), UINT32_MAX);
  std::vector<bool> calls(program.flows.size(), false); // the flow has a call site
  for (uint32_t f = 0; f < program.flows.size(); ++f)
    forEachStatement(program, program.flows[f].body, [&](StmtId id, const Stmt &stmt) {
      if (stmt.kind != StmtKind::Call || !stmt.target.isValid() ||
          stmt.target.kind != AssetKind::Webhook)
        return;
      auto &sites = model->calls_[stmt.target.index];
      siteOf[id.value] = static_cast<uint32_t>(sites.size());
      sites.push_back({FlowId{f}, id, {}});
      calls[f] = true;
    });
  // Each site lists its environments in declaration order. Only flows with
  // call sites are walked; one whose conditions mention no flag runs the
  // same everywhere, so it is walked once and its sites get every
  // environment in which they were reached.
  if (program.envs.empty())
    return model;
  // Flows are walked on every core: a flow's walks write only to its own
  // call sites' lists.
  std::vector<EnvironmentWalker> walkers;
  for (uint32_t e = 0; e < program.envs.size(); ++e)
    walkers.emplace_back(*model, siteOf, EnvId{e});
  llvm::parallelForEachN(0, program.flows.size(), [&](size_t f) {
    if (!calls[f])
      return;
    const Flow &flow = program.flows[f];
    if (!EnvironmentWalker::flagFree(program, flow)) {
      for (EnvironmentWalker &walker : walkers)
        walker.markCalls(flow, model->calls_);
      return;
    }
    walkers.front().markCalls(flow, model->calls_);
    forEachStatement(program, flow.body, [&](StmtId id, const Stmt &stmt) {
      if (uint32_t site = siteOf[id.value]; site != UINT32_MAX) {
        CallSite &callSite = model->calls_[stmt.target.index][site];
        if (!callSite.envs.empty())
          for (uint32_t e = 1; e < program.envs.size(); ++e)
            callSite.envs.push_back(EnvId{e});
      }
    });
  });
  return model;
}

const Environment *EnvironmentModel::find(std::string_view name) const {
  for (const Environment &env : envs_)
    if (env.name() == name)
      return &env;
  return nullptr;
}

const Endpoint &EnvironmentModel::endpoint(EnvId env, WebhookId webhook) const {
  return endpoints_[env.value * program_->webhooks.size() + webhook.value];
}

std::vector<const Endpoint *> EnvironmentModel::productionEndpoints(WebhookId webhook) const {
  std::vector<const Endpoint *> out;
  bool anyProduction = false;
  for (const Environment &env : envs_) {
    if (!env.production)
      continue;
    anyProduction = true;
    const Endpoint &own = endpoint(env.id, webhook);
    bool seen =
        std::any_of(out.begin(), out.end(), [&](const Endpoint *e) { return e->url == own.url; });
    if (own.exists() && !seen)
      out.push_back(&own);
  }
  if (!anyProduction && defaults_[webhook.value].exists())
    out.push_back(&defaults_[webhook.value]);
  return out;
}

const Endpoint *EnvironmentModel::productionEndpointCalledFrom(EnvId env, WebhookId webhook) const {
  if (environment(env).production)
    return nullptr;
  const Endpoint &called = endpoint(env, webhook);
  for (const Endpoint *production : productionEndpoints(webhook))
    if (called.sameEndpoint(*production))
      return production;
  return nullptr;
}

const UrlEndpoint *EnvironmentModel::urlParts(WebhookId webhook, size_t index) const {
  const auto &parts = urlParts_[webhook.value];
  return index < parts.size() && parts[index] ? &*parts[index] : nullptr;
}

bool EnvironmentModel::flagCanBeOn(EnvId env, FlagId flag) const {
  const Flag &decl = program_->flags[flag.value];
  if (decl.constant && !*decl.constant)
    return false;
  return decl.envs.empty() || std::find(decl.envs.begin(), decl.envs.end(), env) != decl.envs.end();
}

bool EnvironmentModel::flagAlwaysOn(EnvId env, FlagId flag) const {
  const Flag &decl = program_->flags[flag.value];
  return decl.constant && *decl.constant && !decl.when.isValid() && flagCanBeOn(env, flag);
}

const CallSite *EnvironmentModel::firstCallIn(EnvId env, WebhookId webhook) const {
  for (const CallSite &site : calls_[webhook.value])
    if (std::find(site.envs.begin(), site.envs.end(), env) != site.envs.end())
      return &site;
  return nullptr;
}

} // namespace mac::analyzer
