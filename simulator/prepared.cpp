// Preparing a Program for simulation (prepared.h): trigger indexes, policy
// rules per flow, the environment and its flag states and webhook URLs.
#include "simulator/prepared.h"

#include "analyzer/environment_model.h"
#include "analyzer/program_queries.h"

#include <algorithm>

namespace mac::sim {

namespace {
const std::vector<TriggerRef> kNone;
} // namespace

PreparedBundle::PreparedBundle(const sema::Program &program, std::string_view envName)
    : program_(program) {
  env_.name = std::string(envName);
  env_.production = envName == "prod";
  for (size_t i = 0; i < program.envs.size(); ++i) {
    const sema::Env &env = program.envs[i];
    if (env.name != envName)
      continue;
    env_.id = sema::EnvId{static_cast<uint32_t>(i)};
    env_.production = env.production || env.name == "prod";
    env_.safeMode = env.safeMode;
    env_.throttle = env.throttle;
  }

  onTag_.resize(program.tags.size());
  onList_.resize(program.lists.size());
  onField_.resize(program.fields.size());
  policies_.resize(program.flows.size());
  for (uint32_t f = 0; f < program.flows.size(); ++f) {
    const sema::Flow &flow = program.flows[f];
    sema::FlowId id{f};
    for (uint32_t t = 0; t < flow.triggers.size(); ++t) {
      const sema::Trigger &trigger = flow.triggers[t];
      TriggerRef ref{id, t};
      switch (trigger.kind) {
      case sema::TriggerKind::FormSubmitted:
        onForm_[trigger.text].push_back(ref);
        break;
      case sema::TriggerKind::Event:
        onEvent_[trigger.text].push_back(ref);
        break;
      case sema::TriggerKind::TagAdded:
        onTag_[trigger.tag.value].push_back(ref);
        break;
      case sema::TriggerKind::ListJoined:
        onList_[trigger.list.value].push_back(ref);
        break;
      case sema::TriggerKind::FieldChanged:
        onField_[trigger.field.value].push_back(ref);
        break;
      case sema::TriggerKind::Schedule:
        scheduled_.push_back(ref);
        break;
      }
    }
    FlowPolicies &policies = policies_[f];
    for (const sema::PolicyRule *rule : analyzer::policyRulesInForce(program, flow)) {
      switch (rule->kind) {
      case sema::PolicyKind::QuietHours:
        policies.quietHours.push_back(rule);
        break;
      case sema::PolicyKind::RequireConsent:
        policies.consents.push_back(rule);
        break;
      default:
        policies.suppressions.push_back(rule);
        break;
      }
    }
  }

  flagAllowed_.resize(program.flags.size());
  for (size_t i = 0; i < program.flags.size(); ++i) {
    const sema::Flag &flag = program.flags[i];
    bool allowed = flag.constant.value_or(true);
    if (!flag.envs.empty())
      allowed = allowed && env_.id.isValid() &&
                std::find(flag.envs.begin(), flag.envs.end(), env_.id) != flag.envs.end();
    flagAllowed_[i] = allowed;
  }

  urls_.resize(program.webhooks.size());
  auto model = analyzer::EnvironmentModel::build(program);
  for (uint32_t w = 0; w < program.webhooks.size(); ++w) {
    sema::WebhookId id{w};
    const analyzer::Endpoint &endpoint =
        env_.id.isValid() ? model->endpoint(env_.id, id) : model->defaultEndpoint(id);
    if (endpoint.exists())
      urls_[w] = endpoint.url->value;
  }
}

const std::vector<TriggerRef> &PreparedBundle::onForm(std::string_view name) const {
  auto found = onForm_.find(std::string(name));
  return found == onForm_.end() ? kNone : found->second;
}

const std::vector<TriggerRef> &PreparedBundle::onEvent(std::string_view name) const {
  auto found = onEvent_.find(std::string(name));
  return found == onEvent_.end() ? kNone : found->second;
}

sema::Channel PreparedBundle::channelOf(const sema::AssetRef &ref) {
  switch (ref.kind) {
  case sema::AssetKind::Sms:
    return sema::Channel::Sms;
  case sema::AssetKind::Push:
    return sema::Channel::Push;
  default:
    return sema::Channel::Email;
  }
}

bool PreparedBundle::isTransactional(const sema::AssetRef &ref) const {
  return ref.isValid() && analyzer::isTransactional(program_, ref);
}

} // namespace mac::sim
