// The Klaviyo importer's internal interface. A flow (`GET /api/flows/{id}`
// with its definition, or the `POST /api/flows` body `mac build` writes)
// becomes one Flow flow. What `mac build` adds is undone: the environment
// prefix, `unbound:<kind>:<name>` placeholders, the lists that stand for
// tags, the enrolment-filter split (→ `require`), the flow filter (its
// exclusions → `suppress list`, the rest → the negated `goal`), the
// safe-mode split in front of every send (→ the environment's `safe_mode`),
// the consent filter on sends (→ `require consent`) and SMS quiet hours.
// A push send carries its content, not a template: it declares a `push`.
//   klaviyo_conditions.cpp  profile filters → conditions
//   klaviyo_import.cpp      the flow, its enrolment and its actions
//   klaviyo_text.cpp        Klaviyo template tags → Flow placeholders
#pragma once

#include "importers/import_context.h"

namespace mac::importer::klaviyo {

/// Reads Klaviyo profile filters (an AND of condition groups, each an OR of
/// conditions) as Flow conditions, registering the fields, tags and lists
/// they name.
class Conditions {
public:
  explicit Conditions(ImportContext &ctx, std::string where)
      : ctx_(ctx), where_(std::move(where)) {}
  /// The filter at `pointer`, or its opposite when `negated` (De Morgan, the
  /// operators flipped); null when some condition has no Flow form (reported,
  /// the comment lines added to `notes`).
  ast::Condition *filter(const json &profileFilter, const std::string &pointer,
                         std::vector<std::string> &notes, bool negated = false);
  /// One condition (or its opposite); null when it has no Flow form.
  ast::Condition *condition(const json &c, bool negated);
  /// The identifier of the field a `profile-property` condition reads:
  /// `properties['x']` is x, a Klaviyo attribute (`email`, …) is its name.
  std::string field(const std::string &property);
  /// Membership of a Klaviyo group id: `has tag` for the list that stands
  /// for a tag, else `in list` (a segment reads as a list: both are audiences).
  ast::Condition *membership(const std::string &id);

private:
  ast::Condition *property(const json &c, bool negated);
  ImportContext &ctx_;
  std::string where_;
};

/// `text` with Klaviyo's template tags as Flow placeholders, the fields they
/// read registered: `{{ first_name|default:'there' }}` is
/// `{{first_name | default: 'there'}}`, `{{ person|lookup:'x' }}` is `{{x}}`,
/// `{% unsubscribe_url %}` `{{unsubscribe_url}}` (the inverse of what
/// `mac build` writes).
std::string flowText(Conditions &conditions, const std::string &text);

} // namespace mac::importer::klaviyo
