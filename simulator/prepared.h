// A Program prepared once for simulation in one environment: which flows
// each trigger starts (by form, event, tag, list and field), the policy rules
// in force for each flow sorted by kind, the environment's safe mode,
// throttle and flag states, and each webhook's URL there. Read-only while
// contacts run, so one PreparedBundle serves any number of them.
#pragma once

#include "compiler/sema/program.h"

#include <map>
#include <string>
#include <unordered_map>
#include <vector>

namespace mac::sim {

/// The environment a run happens in.
struct SimEnvironment {
  std::string name = "dev";
  sema::EnvId id; ///< invalid: not declared in the bundle (no safe mode, no throttle)
  bool production = false;
  sema::AssetRef safeMode; ///< a segment or list; invalid: none
  std::optional<sema::Rate> throttle;
};

/// A flow's trigger that a change or an event can fire.
struct TriggerRef {
  sema::FlowId flow;
  uint32_t trigger = 0; ///< index into the flow's triggers
};

/// The policy rules in force for one flow (bundle policies, then its own).
struct FlowPolicies {
  std::vector<const sema::PolicyRule *> quietHours, suppressions, consents;
};

class PreparedBundle {
public:
  /// Prepares `program` (which must outlive this) for environment `envName`.
  PreparedBundle(const sema::Program &program, std::string_view envName);

  const sema::Program &program() const { return program_; }
  const SimEnvironment &environment() const { return env_; }
  const FlowPolicies &policies(sema::FlowId flow) const { return policies_[flow.value]; }

  const std::vector<TriggerRef> &onForm(std::string_view name) const;
  const std::vector<TriggerRef> &onEvent(std::string_view name) const;
  const std::vector<TriggerRef> &onTag(sema::TagId tag) const { return onTag_[tag.value]; }
  const std::vector<TriggerRef> &onList(sema::ListId list) const { return onList_[list.value]; }
  const std::vector<TriggerRef> &onField(sema::FieldId field) const {
    return onField_[field.value];
  }
  /// Flows with `on schedule daily at HH:MM`.
  const std::vector<TriggerRef> &scheduled() const { return scheduled_; }

  /// False when `flag` cannot be on in this environment (`off;`, not in `envs`).
  bool flagAllowed(sema::FlagId flag) const { return flagAllowed_[flag.value]; }
  /// The URL `webhook` calls in this environment (empty when none applies).
  const std::string &webhookUrl(sema::WebhookId webhook) const { return urls_[webhook.value]; }

  /// The channel of a template reference, and whether it is transactional.
  static sema::Channel channelOf(const sema::AssetRef &ref);
  bool isTransactional(const sema::AssetRef &ref) const;

private:
  const sema::Program &program_;
  SimEnvironment env_;
  std::vector<FlowPolicies> policies_;
  std::unordered_map<std::string, std::vector<TriggerRef>> onForm_, onEvent_;
  std::vector<std::vector<TriggerRef>> onTag_, onList_, onField_;
  std::vector<TriggerRef> scheduled_;
  std::vector<bool> flagAllowed_;
  std::vector<std::string> urls_;
};

} // namespace mac::sim
