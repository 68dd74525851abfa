// Journey Builder filter XML: the `<FilterDefinition>` strings that decision
// splits (MULTICRITERIADECISION criteria), goals and the enrolment filter
// take. Conditions read the contact data extension's columns as Contact
// attributes (see sfmc_model.h); `not` is pushed onto the operators, segments
// are inlined as their `where` condition.
#pragma once

#include "backends/build_context.h"

#include <string>

namespace mac::backend::sfmc {

/// The filter XML of a plan condition (flags already resolved).
std::string filterXml(BuildContext &ctx, const Condition &condition);
/// The filter XML that holds when every one of `conditions` holds (an
/// empty list always holds).
std::string filterXmlAll(BuildContext &ctx, const std::vector<Condition> &conditions);
/// The filter XML of a send's policy guard: the contact is in none of
/// `excluded` (lists and segments) and, when `consent` is set, has consent
/// on that channel.
std::string guardXml(BuildContext &ctx, const std::vector<sema::AssetRef> &excluded,
                     std::optional<sema::Channel> consent);
/// A filter that never holds (a flow no contact can enter).
std::string neverXml();

} // namespace mac::backend::sfmc
