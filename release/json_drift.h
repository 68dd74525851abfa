// A structural comparison of two JSON documents for `mac drift`: what a
// platform holds against what `mac build` compiled. Objects compare key by
// key; arrays of objects that carry an identity key (HubSpot's `actionId`,
// ActiveCampaign's block `id`) compare element by element by that key, so an
// action inserted in the editor is one addition, not a shifted list; other
// arrays compare by position. A key only the platform has is drift unless
// its value is empty (null, "", false, 0, [] or {}): platforms fill in
// defaults for what a create request leaves out.
#pragma once

#include <nlohmann/json.hpp>

#include <set>
#include <string>
#include <vector>

namespace mac::release {

enum class DriftKind { Changed, Added, Removed };
std::string_view driftKindName(DriftKind kind); ///< "changed", "added", "removed"

struct DriftEdit {
  DriftKind kind = DriftKind::Changed;
  std::string path; ///< e.g. `actions[actionId=3].fields.delta`
  nlohmann::json compiled, platform;
};

struct DriftRules {
  std::set<std::string> ignoredKeys; ///< assigned by the platform (ids, timestamps)
  std::string identityKey;           ///< for arrays of objects; empty: by position
};

/// Every difference between `compiled` and `platform`, in document order.
std::vector<DriftEdit> compareJson(const nlohmann::json &compiled, const nlohmann::json &platform,
                                   const DriftRules &rules);

} // namespace mac::release
