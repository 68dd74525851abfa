// The deploy plan: for every resource of the build and every resource the
// platform holds from an earlier deploy, what `mac deploy --apply` would do —
// create, update, leave unchanged, switch off (never delete), or leave to a
// person (platforms without a write API) — with the semantic difference
// from what the platform holds where it can be read. Pure given the
// platform reads: printing the plan changes nothing anywhere.
#pragma once

#include "deploy/platform.h"

#include <llvm/Support/raw_ostream.h>

#include <optional>
#include <string>
#include <vector>

namespace mac::deploy {

enum class Action { Create, Update, Unchanged, SwitchOff, Manual };
std::string_view actionName(Action action); ///< create, update, unchanged, switch-off, manual

struct PlanItem {
  Action action = Action::Unchanged;
  std::string key;
  std::optional<Resource> resource; ///< absent for a switch-off
  std::string platformId;
  std::vector<std::string> notes;
  std::vector<release::DriftEdit> differences; ///< platform copy → build
  bool resumes = false;                        ///< an earlier run stopped inside this resource
  std::vector<std::string> blocked;            ///< placeholders nothing fills (placeholders.h)
};

struct Plan {
  std::string env, target, release, version, source;
  bool platformRead = false; ///< false: no credentials, compared with the state only
  std::vector<PlanItem> items;
  int changes() const;  ///< items that change the platform
  bool blocked() const; ///< some payload has a placeholder nothing fills
};

/// Compares the build's resources with the deploy state and, when `session`
/// is given, with what the platform holds. `bindings` is the environment's
/// bindings file for the target (`{"list": {name: id}, ...}`, or null): a
/// list or segment bound there already exists on the platform and is
/// adopted (updated under that id), not created.
llvm::Expected<Plan> makePlan(const std::vector<Resource> &resources, const DeployState &state,
                              const nlohmann::json &bindings, Platform &platform, Session *session);

void renderPlanText(const Plan &plan, llvm::raw_ostream &os);
std::string renderPlanJson(const Plan &plan);

} // namespace mac::deploy
