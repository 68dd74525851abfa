// What the editor-only backends share besides the checklist: the shape of
// the API calls they emit (deploy plans, enrolment calls) and checks of flow
// settings the platforms decide case by case.
//
// A call is {"operation", "method", "path", "body"?}. A string that is exactly
// "{{name}}" stands for a value known only when the call is made (a contact
// id, an id returned by an earlier call); every such name is listed in the
// file's "parameters" with its JSON type, so that a test can substitute a
// value of that type and validate the body against the platform's schema.
#pragma once

#include "backends/build_context.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

namespace mac::backend::checklist {

/// "{{name}}".
std::string placeholder(std::string_view name);
/// One API call.
nlohmann::json apiCall(std::string_view operation, std::string_view method, std::string path,
                       std::optional<nlohmann::json> body = std::nullopt);
/// A "parameters" entry: {"type": type, "description": description}.
nlohmann::json parameter(std::string_view type, std::string_view description);
/// The platform id of `flow` from the bindings (MAC7003 when unbound).
std::string flowId(BuildContext &ctx, sema::FlowId flow);
/// Reports MAC7002 for every `dedupe by` key of `flow` that is neither the
/// email field nor (when `phoneIsKey`) a phone field: the platform keeps one
/// contact per email address (and phone) and matches on nothing else.
void checkDedupe(BuildContext &ctx, const sema::Flow &flow, bool phoneIsKey,
                 std::string_view platform);

} // namespace mac::backend::checklist
