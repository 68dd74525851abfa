// The result of comparing two bundles: one Change per semantic difference
// (section, kind, subject, before/after text, the bump it needs and the
// versioning rule that said so), collected in a ChangeSet whose order is
// deterministic and which knows the bump the whole set requires.
#pragma once

#include "compiler/base/semver.h"

#include <string>
#include <string_view>
#include <vector>

namespace mac::changes {

/// One versioning rule of docs/versioning.md (changes/rules.def).
enum class RuleId : uint16_t {
#define RULE(ENUM, ID, BUMP, SUMMARY) ENUM,
#include "changes/rules.def"
#undef RULE
};
struct RuleInfo {
  RuleId rule;
  std::string_view id; ///< "asset-removed"
  Bump bump;
  std::string_view summary;
};
const RuleInfo &ruleInfo(RuleId rule);
const std::vector<RuleInfo> &allRules();

/// Where a change is listed. Compliance-relevant changes are also listed in
/// their own, always-shown section (Change::compliance).
enum class Section : uint8_t { Assets, Flows, DataModel, Integrations };
std::string_view sectionName(Section section); ///< "Assets", "Flows", "Data model", "Integrations"

enum class ChangeKind : uint8_t { Added, Removed, Changed, Moved, Renamed };
std::string_view changeKindName(ChangeKind kind); ///< "added", "removed", …

struct Change {
  Section section = Section::Assets;
  ChangeKind kind = ChangeKind::Changed;
  bool compliance = false;
  /// What changed, e.g. `flow lead_intake › step 3 (send welcome)`.
  std::string subject;
  std::string before, after; ///< rendered values; empty when absent
  RuleId rule = RuleId::AssetAdded;
  Bump bump = Bump::None; ///< the rule's bump
  std::string migration;  ///< what someone must do when deploying; may be empty
};

/// The changes between two bundles, grouped by section in a fixed order;
/// inside a section, in the order the comparison found them (which follows
/// names and source order, never ids or ranges).
class ChangeSet {
public:
  /// Adds a change classified by `rule` (its bump is the rule's).
  Change &add(Section section, ChangeKind kind, RuleId rule, std::string subject,
              std::string before = {}, std::string after = {});
  /// Orders the changes by section (stable); call once after comparing.
  void finish();

  const std::vector<Change> &changes() const { return changes_; }
  bool empty() const { return changes_.empty(); }
  /// The largest bump any change needs (None when empty).
  Bump required() const;
  /// The changes that need `bump`.
  std::vector<const Change *> needing(Bump bump) const;

private:
  std::vector<Change> changes_;
};

} // namespace mac::changes
