// How contacts enter and leave a journey: its entry mode, its one entry
// event (a journey trigger plus the event definition behind it), and its
// goals. Journey Builder takes one entry source per journey, so every flow
// gets its own API event definition that each of its triggers fires; a flow
// on a schedule gets a scheduled data-extension entry instead.
#pragma once

#include "backends/build_context.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace mac::backend::sfmc {

struct Entry {
  nlohmann::json trigger;           ///< the journey's `triggers[0]`
  nlohmann::json eventDefinition;   ///< assets/event-definitions/<key>.json
  std::vector<std::string> sources; ///< what must fire the event, one line each
};

/// The entry of `flow`; nullopt after reporting MAC7001.
std::optional<Entry> journeyEntry(BuildContext &ctx, const sema::Flow &flow);
/// `OnceAndDone` (reenroll never) or `SingleEntryAcrossAllVersions` (reenroll after).
std::string entryMode(const sema::Flow &flow);
/// The journey's `goals`: one exit-criteria goal per `goal` condition.
nlohmann::json journeyGoals(BuildContext &ctx, const FlowPlan &plan);

} // namespace mac::backend::sfmc
