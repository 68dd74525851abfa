// Evaluating a condition of LANGUAGE.md §6 on a simulated contact in the
// prepared environment: comparisons, text tests, consent, flags (allowed in
// the environment and their audience), list, segment and tag membership.
#pragma once

#include "simulator/contact.h"
#include "simulator/prepared.h"

namespace mac::sim {

bool evaluate(const PreparedBundle &bundle, const Contact &contact, sema::CondId cond);

/// Membership of a safe-mode or suppression audience (a segment or a list).
bool inAudience(const PreparedBundle &bundle, const Contact &contact, sema::AssetRef audience);

/// Whether flag `flag` is on for `contact` in the prepared environment.
bool flagOn(const PreparedBundle &bundle, const Contact &contact, sema::FlagId flag);

} // namespace mac::sim
