// Ledger times and durations (see ledger_time.h), on C++20 chrono calendars.
#include "deploy/ledger_time.h"

#include <fmt/format.h>

#include <chrono>
#include <cstdlib>

namespace mac::deploy {
namespace {

using namespace std::chrono;

/// The digits of text[at, at+width) as a number, or -1.
int digitsAt(llvm::StringRef text, size_t at, size_t width) {
  int value = 0;
  for (char c : text.substr(at, width)) {
    if (c < '0' || c > '9')
      return -1;
    value = value * 10 + (c - '0');
  }
  return value;
}

llvm::Error badTime(llvm::StringRef text) {
  return llvm::createStringError(std::make_error_code(std::errc::invalid_argument),
                                 "'" + text.str() +
                                     "' is not a UTC time (YYYY-MM-DDTHH:MM:SSZ or YYYY-MM-DD)");
}

} // namespace

std::string formatLedgerTime(LedgerTime time) {
  sys_seconds point{seconds{time}};
  sys_days day = floor<days>(point);
  year_month_day date{day};
  hh_mm_ss clock{point - day};
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", int(date.year()),
                     unsigned(date.month()), unsigned(date.day()), clock.hours().count(),
                     clock.minutes().count(), clock.seconds().count());
}

llvm::Expected<LedgerTime> parseLedgerTime(llvm::StringRef text) {
  if (text.size() != 10 && text.size() != 20)
    return badTime(text);
  int y = digitsAt(text, 0, 4), m = digitsAt(text, 5, 2), d = digitsAt(text, 8, 2);
  if (y < 0 || m < 0 || d < 0 || text[4] != '-' || text[7] != '-')
    return badTime(text);
  year_month_day date{year{y}, month{unsigned(m)}, day{unsigned(d)}};
  if (!date.ok())
    return badTime(text);
  LedgerTime seconds = sys_days{date}.time_since_epoch() / std::chrono::seconds{1};
  if (text.size() == 10)
    return seconds;
  int hh = digitsAt(text, 11, 2), mm = digitsAt(text, 14, 2), ss = digitsAt(text, 17, 2);
  if (text[10] != 'T' || text[13] != ':' || text[16] != ':' || text[19] != 'Z' || hh < 0 ||
      hh > 23 || mm < 0 || mm > 59 || ss < 0 || ss > 59)
    return badTime(text);
  return seconds + hh * 3600 + mm * 60 + ss;
}

llvm::Expected<LedgerTime> ledgerNow() {
  if (const char *fixed = std::getenv("MAC_NOW"); fixed && *fixed) {
    auto time = parseLedgerTime(fixed);
    if (!time)
      return llvm::createStringError(std::make_error_code(std::errc::invalid_argument),
                                     "MAC_NOW: " + llvm::toString(time.takeError()));
    return *time;
  }
  return floor<std::chrono::seconds>(system_clock::now()).time_since_epoch().count();
}

std::string formatDuration(std::int64_t seconds) {
  if (seconds < 0)
    return "-" + formatDuration(-seconds);
  if (seconds == 0)
    return "0s";
  std::string text;
  const std::pair<std::int64_t, const char *> units[] = {
      {86400, "d"}, {3600, "h"}, {60, "m"}, {1, "s"}};
  for (auto [size, unit] : units) {
    if (seconds >= size) {
      text += std::to_string(seconds / size) + unit;
      seconds %= size;
    }
  }
  return text;
}

} // namespace mac::deploy
