// Time for the simulator: instants are UTC seconds since the epoch; contacts
// live in IANA time zones whose offsets and daylight-saving rules come from
// ICU's time-zone database. TimeZones caches one ICU zone per name, converts
// between instants and local wall-clock times, and answers "the next time the
// local clock shows HH:MM" (wait until, quiet hours).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace mac::sim {

/// UTC seconds since 1970-01-01T00:00Z.
using Instant = int64_t;

/// A wall-clock time in some zone.
struct LocalTime {
  int year = 1970, month = 1, day = 1, hour = 0, minute = 0, second = 0;
  int offsetSeconds = 0; ///< UTC offset in force (standard + daylight saving)
  int minuteOfDay() const { return hour * 60 + minute; }
};

/// Parses "YYYY-MM-DDTHH:MM[:SS]" (or "YYYY-MM-DD"); nullopt when malformed.
std::optional<LocalTime> parseLocalTime(std::string_view text);

class TimeZones {
public:
  TimeZones();
  ~TimeZones();
  TimeZones(const TimeZones &) = delete;
  TimeZones &operator=(const TimeZones &) = delete;

  /// True when ICU knows the zone name ("America/New_York", "UTC").
  bool isKnown(std::string_view zone);
  /// The wall-clock time in `zone` at `instant`; unknown zones count as UTC.
  LocalTime toLocal(std::string_view zone, Instant instant);
  /// The instant at which `zone`'s clock shows `local`. A wall time skipped
  /// by a daylight-saving change counts as after it (02:30 → 03:30); a
  /// repeated one as its first occurrence.
  Instant fromLocal(std::string_view zone, const LocalTime &local);
  /// The first instant at or after `from` when the local clock shows
  /// `minuteOfDay` (minutes since midnight). On a day where that wall time
  /// is skipped, the first instant after the change.
  Instant nextClock(std::string_view zone, Instant from, int minuteOfDay);
  /// "2026-03-05 08:00-05:00": local time with its UTC offset.
  std::string format(std::string_view zone, Instant instant);

private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

/// "2026-03-05T13:00Z".
std::string formatUtc(Instant instant);

} // namespace mac::sim
