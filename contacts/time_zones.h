// Time-zone ids checked against ICU's time-zone database (the one the
// simulator resolves recipient-local times with).
#pragma once

#include <string_view>

namespace mac::contacts {

/// True when ICU knows `id` as a system time zone (`America/New_York`, `UTC`).
bool isKnownTimeZone(std::string_view id);

} // namespace mac::contacts
