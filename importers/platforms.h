// The platform importers, one per folder; importer.cpp calls them once per
// input file, in the order given, after `prepare` saw every file (so that
// the environment prefix and names are known before the first flow).
#pragma once

#include "importers/import_context.h"

namespace mac::importer {

namespace hubspot {
/// One `GET /automation/v4/flows/{id}` response (or a create body written by
/// `mac build`), or one contact property definition (`/crm/v3/properties`).
void importFile(ImportContext &ctx, const JsonFile &file);
/// The display names of the flows in `file` (for the environment prefix).
std::vector<std::string> flowNames(const json &value);
} // namespace hubspot

namespace klaviyo {
/// One Klaviyo flow (`GET /api/flows/{id}` with `additional-fields[flow]=definition`, or
/// the `POST /api/flows` body `mac build` writes).
void importFile(ImportContext &ctx, const JsonFile &file);
std::vector<std::string> flowNames(const json &value);
} // namespace klaviyo

namespace sfmc {
/// Records the entry event definitions of `file` (`GET
/// /interaction/v1/eventDefinitions`, one or a page of `items`, or what
/// `mac build` writes under assets/event-definitions/) in ctx.definitions().
void noteDefinitions(ImportContext &ctx, const JsonFile &file);
/// One journey (`GET /interaction/v1/interactions/{id}`), a page of them
/// (`items`), or the create body `mac build` writes; a file of entry event
/// definitions is read by noteDefinitions and skipped here.
void importFile(ImportContext &ctx, const JsonFile &file);
std::vector<std::string> flowNames(const json &value);
} // namespace sfmc

} // namespace mac::importer
