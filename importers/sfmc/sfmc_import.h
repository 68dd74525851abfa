// The SFMC importer's internal interface. A journey (`GET
// /interaction/v1/interactions/{id}`, one of a page's `items`, or the create
// body `mac build` writes) becomes one flow: an API entry event is `on
// event`, a daily automation audience `on schedule` (its time from the entry
// event definition, when given), other entry sources are kept as comments;
// `entryMode` is `reenroll`, goals are `goal`s, and activities become
// statements through their outcomes (EMAILV2 and SMSSYNC → send, WAIT →
// wait / wait until / wait for event, UPDATECONTACTDATA → set / add tag /
// add to list, REST → call, MULTICRITERIADECISION → if … else if … else).
// What `mac build` adds is undone: the enrolment-filter decision
// (→ `require`), the policy guard decision before a send (→ `suppress`
// policies and `require consent`), the quiet-hours WAIT (→ `quiet_hours`),
// the safe-mode decision (→ the environment's `safe_mode`) and the email
// throttle (→ `throttle`). Every other activity type is an `// IMPORT:`
// comment with a MAC9003 warning.
//   sfmc_criteria.cpp    decision criteria (FilterDefinition XML) → conditions
//   sfmc_activities.cpp  one activity → statements
//   sfmc_import.cpp      journeys, their entry, and what `mac build` adds
#pragma once

#include "importers/bundle_model.h"
#include "importers/import_context.h"

namespace mac::importer::sfmc {

/// The condition of a decision's FilterDefinition XML, or null when some part
/// has no Flow form.
ast::Condition *criteria(ImportContext &ctx, const std::string &xml);

/// The identifier for a contact data extension column: `tag_x` and `list_x`
/// are tags and lists (see backends/sfmc/sfmc_model.h), others fields.
std::string column(ImportContext &ctx, const std::string &key);

/// Where an activity is: its JSON pointer, the flow file (for comments) and
/// the flow (an email's hourly throttle becomes the flow's `throttle`).
struct ActivitySite {
  std::string pointer, where;
  ast::FlowDecl *flow = nullptr;
};

/// Appends the statements of one (non-decision) activity to `body`, or the
/// comment lines that keep it.
void activity(ImportContext &ctx, const json &a, const ActivitySite &site, Body &body);

} // namespace mac::importer::sfmc
