// Quiet-hours arithmetic for the SMS policy checks (MAC3002, MAC3003): a
// window `start..end` (minutes since midnight; it wraps midnight when
// start > end) is the set of minutes in which no marketing SMS goes out. The
// TCPA requires every minute from 21:00 to 08:00 recipient-local to be quiet;
// the gap is whatever part of that the windows in force leave open.
#pragma once

#include <bitset>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>

namespace mac::analyzer {

/// A set of minutes of the day, 0 (00:00) to 1439 (23:59).
using MinuteSet = std::bitset<1440>;

constexpr uint32_t kTcpaQuietStart = 21 * 60; ///< 21:00
constexpr uint32_t kTcpaQuietEnd = 8 * 60;    ///< 08:00

/// The minutes the window `start..end` covers: [start, end), wrapping
/// midnight when start > end; empty when start == end.
MinuteSet quietMinutes(uint32_t start, uint32_t end);

/// The minutes of 21:00..08:00 that `quiet` leaves open (SMS allowed there).
MinuteSet tcpaGap(const MinuteSet &quiet);

/// `21:00`, `07:05`.
std::string clockText(uint32_t minute);

/// The allowed runs of a gap, in order from 21:00 to 08:00, for a message:
/// "from 21:00 to 22:00 and from 07:00 to 08:00", "before 08:00" (a run from
/// midnight), "after 21:00" (a run until midnight), "after 21:00 and before
/// 08:00" (the whole night). Empty for an empty gap.
std::string describeGap(const MinuteSet &gap);

/// The smallest window that covers both `start..end` and 21:00..08:00 (the
/// window a fix widens a rule to); nullopt when the union is not a single
/// window shorter than a day.
std::optional<std::pair<uint32_t, uint32_t>> widenedToTcpa(uint32_t start, uint32_t end);

} // namespace mac::analyzer
