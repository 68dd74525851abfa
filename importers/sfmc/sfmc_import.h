// The SFMC importer's internal interface. A journey (`GET
// /interaction/v1/interactions/{id}`, one of a page's `items`, or the create
// body `mac build` writes) becomes one flow: an API entry event is `on event`,
// other entry sources are kept as comments; activities become statements
// through their outcomes (EMAILV2 and SMSSYNC → send, WAIT → wait,
// UPDATECONTACTDATA → set / add tag / add to list, REST → call,
// MULTICRITERIADECISION → if … else if … else); every other activity type
// is an `// IMPORT:` comment with a MAC9003 warning.
//   sfmc_criteria.cpp  decision criteria (FilterDefinition XML) → conditions
//   sfmc_import.cpp    journeys and activities
#pragma once

#include "importers/import_context.h"

namespace mac::importer::sfmc {

/// The condition of a decision's FilterDefinition XML, or null when some part
/// has no Flow form.
ast::Condition *criteria(ImportContext &ctx, const std::string &xml);

/// The identifier for a contact data extension column: `tag_x` and `list_x`
/// are tags and lists (see backends/sfmc/sfmc_model.h), others fields.
std::string column(ImportContext &ctx, const std::string &key);

} // namespace mac::importer::sfmc
