// One flow as a Journey Builder journey: the create body of
// `POST /interaction/v1/interactions` and the entry event definition it
// needs. Paths join where the flow's do (several outcomes naming one key is
// Journey Builder's "join"), so each plan node becomes one activity, a send may be preceded by a
// policy guard decision and a quiet-hours WAIT, and outcomes link activity keys.
#pragma once

#include "backends/sfmc/sfmc_entry.h"

#include <nlohmann/json.hpp>

#include <optional>

namespace mac::backend::sfmc {

struct Journey {
  nlohmann::json body; ///< flows/<flow>.json
  Entry entry;
};

/// The journey of `flow`; nullopt when it cannot be expressed (reported).
std::optional<Journey> buildJourney(BuildContext &ctx, sema::FlowId flow);

} // namespace mac::backend::sfmc
