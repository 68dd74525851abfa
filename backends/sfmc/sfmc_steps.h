// One Journey Builder activity per plan step: EMAILV2 and SMSSYNC sends,
// WAIT, UPDATECONTACTDATA (fields, tags and lists) and REST (webhooks), plus
// the activities the backend adds in front of a send (the policy guard
// decision and the quiet-hours WAIT). Outcomes are linked by the caller
// (sfmc_journey.cpp).
#pragma once

#include "backends/build_context.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

namespace mac::backend::sfmc {

/// The skeleton every activity shares: id (derived from the journey and
/// activity keys), key, name, type, empty arguments, no outcomes yet.
nlohmann::json activitySkeleton(std::string_view journey, std::string_view key,
                                std::string_view name, std::string_view type);
/// One outcome; `next` empty: the path ends.
nlohmann::json outcome(std::string_view journey, std::string_view activity, std::string key,
                       const std::string &next);

/// The activity of a plan step (not a branch), keyed `key`; nullopt (after
/// reporting MAC7001) for a step this backend cannot express.
std::optional<nlohmann::json> stepActivity(BuildContext &ctx, const sema::Flow &flow,
                                           const PlanNode &node, std::string_view journey,
                                           std::string_view key);

/// The WAIT that holds a send until the end of a quiet-hours window.
nlohmann::json quietHoursWait(const sema::PolicyRule &rule, std::string_view journey,
                              std::string_view key);

/// The "type" of the step's activity ("EMAILV2", "WAIT", ...).
std::string_view stepType(const sema::Program &program, const sema::Stmt &stmt);
/// The prefix of the step's activity key ("EMAILV2", "WAITBYDURATION", ...).
std::string_view stepKeyPrefix(const sema::Program &program, const sema::Stmt &stmt);

} // namespace mac::backend::sfmc
