// ISO 8601 times as CSV cells write them: `2026-03-02`, `2026-03-02T22:30`,
// `2026-03-02 22:30:15`, optionally with fractional seconds (dropped) and an
// offset (`Z`, `+02:00`, `-0500`). Parsed by hand over std::chrono's civil
// calendar; no regex, no time-zone lookup (the offset is all a cell says).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace mac::contacts {

struct IsoTime {
  int64_t wallSeconds = 0;              ///< wall-clock time counted as UTC, since 1970
  std::optional<int32_t> offsetSeconds; ///< east of UTC, when the text has one
  bool hasTime = false;                 ///< false: a date alone (midnight)
};

/// Parses `text`; on failure returns nothing and sets `why` (lower-case).
std::optional<IsoTime> parseIsoTime(std::string_view text, std::string &why);

/// `2026-03-02T22:30:00`, from wall-clock seconds since 1970.
std::string formatIsoTime(int64_t wallSeconds);

} // namespace mac::contacts
