// Grouping the policy rules of a flow (see policies.h).
#include "backends/checklist/policies.h"

#include "analyzer/program_queries.h"

#include "backends/checklist/phrases.h"

#include <algorithm>

namespace mac::backend::checklist {

FlowPolicies flowPolicies(BuildContext &ctx, const sema::Flow &flow) {
  FlowPolicies out;
  auto addOnce = [](auto &vector, auto value) {
    if (std::find(vector.begin(), vector.end(), value) == vector.end())
      vector.push_back(value);
  };
  for (const sema::PolicyRule *rule : ctx.policies(flow)) {
    switch (rule->kind) {
    case sema::PolicyKind::SuppressUnsubscribed:
      out.suppressUnsubscribed = true;
      break;
    case sema::PolicyKind::SuppressList:
      addOnce(out.suppressed, sema::AssetRef{sema::AssetKind::List, rule->list.value});
      break;
    case sema::PolicyKind::SuppressSegment:
      addOnce(out.suppressed, sema::AssetRef{sema::AssetKind::Segment, rule->segment.value});
      break;
    case sema::PolicyKind::RequireConsent:
      addOnce(out.consentRequired, rule->channel);
      break;
    case sema::PolicyKind::QuietHours:
      out.quietHours.push_back(rule);
      break;
    }
  }
  return out;
}

Condition audience(sema::AssetRef asset) {
  Condition condition = Condition::of(Condition::Op::Audience);
  condition.audience = asset;
  return condition;
}

const sema::PolicyRule *quietHoursFor(const FlowPolicies &policies, sema::Channel channel) {
  for (const sema::PolicyRule *rule : policies.quietHours)
    if (rule->channel == channel)
      return rule;
  return nullptr;
}

bool consentRequired(const FlowPolicies &policies, sema::Channel channel) {
  return std::find(policies.consentRequired.begin(), policies.consentRequired.end(), channel) !=
         policies.consentRequired.end();
}

std::vector<std::string> entryConditions(BuildContext &ctx, const Vocabulary &vocabulary,
                                         const sema::Flow &flow, const FlowPlan &plan,
                                         const std::string &unsubscribedText) {
  std::vector<std::string> out;
  for (const Condition &filter : plan.enrolmentFilters)
    out.push_back(conditionText(ctx, vocabulary, filter));
  FlowPolicies policies = flowPolicies(ctx, flow);
  if (policies.suppressUnsubscribed)
    out.push_back(unsubscribedText);
  for (sema::AssetRef asset : policies.suppressed)
    out.push_back(vocabulary.leaf(ctx, audience(asset), /*negated=*/true));
  return out;
}

const sema::Consent *consentToCheck(BuildContext &ctx, const FlowPolicies &policies,
                                    sema::Channel channel, const sema::Stmt &send) {
  if (!consentRequired(policies, channel) || analyzer::isTransactional(ctx.program(), send.target))
    return nullptr;
  return ctx.program().consent(channel);
}

} // namespace mac::backend::checklist
