// Times in the release ledger: UTC ISO 8601 `YYYY-MM-DDTHH:MM:SSZ` held as
// seconds since 1970, the current time (overridable with $MAC_NOW so tests
// and replays are deterministic), and durations for people (`1h30m`).
#pragma once

#include <llvm/ADT/StringRef.h>
#include <llvm/Support/Error.h>

#include <cstdint>
#include <string>

namespace mac::deploy {

/// Seconds since 1970-01-01T00:00:00Z.
using LedgerTime = std::int64_t;

/// `2026-11-22T04:10:00Z`.
std::string formatLedgerTime(LedgerTime time);

/// Parses `YYYY-MM-DDTHH:MM:SSZ`, or `YYYY-MM-DD` (midnight UTC); an error
/// quoting `text` otherwise (including impossible dates like 02-30).
llvm::Expected<LedgerTime> parseLedgerTime(llvm::StringRef text);

/// Now, to the second: $MAC_NOW when set (an error when malformed), else
/// the system clock.
llvm::Expected<LedgerTime> ledgerNow();

/// A duration for people: days, hours, minutes and seconds, zero parts left
/// out (`1h30m`, `2d`, `45s`, `0s`); negative durations get a `-`.
std::string formatDuration(std::int64_t seconds);

} // namespace mac::deploy
