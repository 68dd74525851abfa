// Internal to changes/: the state of one comparison (both Programs, the
// renames found so far, the ChangeSet being filled) and the generic
// property-list comparison every area uses. An entity is described as a list
// of Props (key, canonical value, the rules for changed/added/removed); two
// descriptions are compared key by key, and the whole list (minus the display
// name) is the entity's content fingerprint for rename detection.
#pragma once

#include "changes/change.h"
#include "changes/describe.h"
#include "compiler/sema/program.h"

#include <string>
#include <vector>

namespace mac::changes {

struct Prop {
  std::string key;   ///< identity inside the entity: "subject", "url (stage)"
  std::string label; ///< how the subject names it (empty: the key)
  std::string value; ///< canonical value; empty: absent
  RuleId changed = RuleId::DisplayNameChanged, added = RuleId::DisplayNameChanged,
         removed = RuleId::DisplayNameChanged;
  bool compliance = false;
  /// When the old side's `changed` rule needs more, it wins (secret headers).
  bool sticky = false;
  bool compared = true;      ///< false: fingerprint only, compared elsewhere
  bool longText = false;     ///< show only the first differing line
  std::string migration;     ///< note for removed/changed
  bool migrateOnAdd = false; ///< the note applies to an addition too
};
using Props = std::vector<Prop>;

/// A property with one rule for every transition.
Prop prop(std::string key, std::string value, RuleId rule, bool compliance = false);
/// An element of a set (enum value, payload field, target): present or not.
Prop element(std::string label, std::string value, RuleId added, RuleId removed,
             bool compliance = false);

/// The content of an entity without its name and display name.
std::string fingerprint(const Props &props);

/// The first line where two texts differ, as "line N: …" on each side (both
/// texts whole when they are one short line).
std::pair<std::string, std::string> textDelta(const std::string &before, const std::string &after);

class Comparison {
public:
  Comparison(const sema::Program &before, const sema::Program &after) : old_(before), new_(after) {}

  const sema::Program &oldProgram() const { return old_; }
  const sema::Program &newProgram() const { return new_; }
  /// Old-side names with the renames found so far applied (for comparing).
  Namer oldNames() const { return Namer(old_, &renames_); }
  /// Old-side names as written (for showing).
  Namer oldShown() const { return Namer(old_); }
  Namer newNames() const { return Namer(new_); }
  RenameMap &renames() { return renames_; }
  ChangeSet &changes() { return changes_; }

  /// Reports the differences between two descriptions of one entity.
  /// `oldShown` is `oldProps` built with oldShown() (same keys, same order).
  void compareProps(Section section, const std::string &subject, const Props &oldProps,
                    const Props &oldShown, const Props &newProps, bool compliance = false);

private:
  const sema::Program &old_;
  const sema::Program &new_;
  RenameMap renames_;
  ChangeSet changes_;
};

/// The separator of subject paths: `flow lead_intake › step 3 (send welcome)`.
inline constexpr std::string_view kSep = " \xE2\x80\xBA ";

// ---- areas (one file each) ----------------------------------------------------

/// One kind of named entity: how to list it and describe it.
struct EntityKind {
  std::string_view keyword;  ///< "field", "email", "env", "flow"
  std::string_view renameNs; ///< the RenameMap namespace: assetKindName or "env"
  Section section;
  size_t (*count)(const sema::Program &);
  const sema::Declared &(*declared)(const sema::Program &, size_t);
  Props (*props)(const Namer &, size_t);
  /// Comparisons beyond the props (segment audiences, flow bodies); may be null.
  void (*compareMore)(Comparison &, size_t oldIndex, size_t newIndex, const std::string &subject);
  bool compliance = false; ///< adding or removing one is compliance-relevant
};
/// Every named entity kind, in the order renames must be found (what is
/// referenced before what references it): envs, fields, … flows.
const std::vector<EntityKind> &entityKinds();

Props flowProps(const Namer &names, size_t index);
/// One compliance prop per policy rule (a `policy` declaration's or a flow's own).
void addPolicyRuleProps(const Namer &names, const std::vector<sema::PolicyRule> &rules,
                        Props &props);
void compareFlowMore(Comparison &cmp, size_t oldIndex, size_t newIndex, const std::string &subject);
/// Compares two statement bodies under `path`.
void compareBodies(Comparison &cmp, const std::string &path,
                   const std::vector<sema::StmtId> &before, const std::vector<sema::StmtId> &after);
/// Compares the `and` terms of two audiences: narrowed, widened or changed.
void compareAudience(Comparison &cmp, Section section, const std::string &subject,
                     const std::vector<std::string> &before, const std::string &beforeShown,
                     const std::vector<std::string> &after, const std::string &afterShown,
                     RuleId narrowed, RuleId widened, RuleId changed);
/// The bundle declaration and the consent declarations (not named entities).
void compareBundle(Comparison &cmp);
void compareConsents(Comparison &cmp);

} // namespace mac::changes
