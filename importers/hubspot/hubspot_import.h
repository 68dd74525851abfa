// The HubSpot importer's internal interface. A HubSpot flow (`GET
// /automation/v4/flows/{id}`, or the create body `mac build` writes) becomes
// one Flow flow: enrolment criteria → triggers, `refinementCriteria` →
// `require`, `goalFilterBranch` → `goal`, `suppressionListIds` and
// `timeWindows` → policy statements, `actions[]` → statements. What
// `mac build` adds is undone: the environment prefix of the name, the
// consent guard in front of sends (→ `require consent CHANNEL;`), the
// safe-mode guard (→ the environment's `safe_mode`), `mac_tag_*` properties
// (→ tags) and `${kind:name}` placeholders (→ names).
//   hubspot_conditions.cpp  filter branches → conditions
//   hubspot_import.cpp      the flow, its enrolment and its actions
#pragma once

#include "importers/import_context.h"

namespace mac::importer::hubspot {

/// Reads HubSpot filters as Flow conditions, registering the fields, tags
/// and lists they name.
class Conditions {
public:
  explicit Conditions(ImportContext &ctx) : ctx_(ctx) {}
  /// A filter branch (OR of AND groups, or one AND group) at `pointer`; null
  /// when some filter has no Flow form (reported, `notes` holds the comment).
  ast::Condition *branch(const json &branch, const std::string &pointer,
                         std::vector<std::string> &notes);
  /// One filter; null when it has no Flow form.
  ast::Condition *filter(const json &filter, const std::string &pointer,
                         std::vector<std::string> &notes);
  /// The identifier of the field stored in `property` (a tag's property is a tag).
  std::string field(const std::string &property);
  /// The tag stored in `property` (`mac_tag_<name>`), or "".
  std::string tagOf(const std::string &property);

private:
  ast::Condition *propertyFilter(const json &filter, const std::string &pointer,
                                 std::vector<std::string> &notes);
  ImportContext &ctx_;
};

/// `{{ enrolled_object.prop|default('x') }}` tokens back to `{{field | default: 'x'}}`.
std::string untoken(Conditions &conditions, const std::string &text);
/// `${kind:name}` → name; "" when `value` is not a placeholder of `kind`.
std::string placeholder(const std::string &value, const std::string &kind);

} // namespace mac::importer::hubspot
