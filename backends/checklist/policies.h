// The policy rules in force for one flow, grouped the way a build checklist
// needs them: who may not enter (unsubscribed contacts, suppressed lists and
// segments), which channels need consent before a send, and the quiet hours
// of each channel.
#pragma once

#include "backends/build_context.h"
#include "backends/checklist/vocabulary.h"

#include <vector>

namespace mac::backend::checklist {

struct FlowPolicies {
  bool suppressUnsubscribed = false;
  std::vector<sema::AssetRef> suppressed;           ///< lists and segments, in policy order
  std::vector<sema::Channel> consentRequired;       ///< `require consent CHANNEL`
  std::vector<const sema::PolicyRule *> quietHours; ///< `quiet_hours`
};

/// The rules in force for `flow` (bundle policies, then its own), without duplicates.
FlowPolicies flowPolicies(BuildContext &ctx, const sema::Flow &flow);
/// An Audience condition on `asset` (a list or a segment): "is a member of".
Condition audience(sema::AssetRef asset);
/// The quiet-hours rule for `channel`, if any.
const sema::PolicyRule *quietHoursFor(const FlowPolicies &policies, sema::Channel channel);
/// True when policy requires consent for sends on `channel`.
bool consentRequired(const FlowPolicies &policies, sema::Channel channel);
/// The consent declaration a `send` on `channel` must be guarded by: policy
/// requires consent there, the template is marketing, and the channel has a
/// consent record; null otherwise.
const sema::Consent *consentToCheck(BuildContext &ctx, const FlowPolicies &policies,
                                    sema::Channel channel, const sema::Stmt &send);

/// The conditions a contact must meet to start `flow`, as checklist text:
/// its enrolment filters, then "not unsubscribed" (`unsubscribedText`, in the
/// platform's words) and "not in" each suppressed list or segment.
std::vector<std::string> entryConditions(BuildContext &ctx, const Vocabulary &vocabulary,
                                         const sema::Flow &flow, const FlowPlan &plan,
                                         const std::string &unsubscribedText);

} // namespace mac::backend::checklist
