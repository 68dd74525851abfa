// parseIsoTime: a small cursor over the text; std::chrono validates the date.
#include "contacts/iso_time.h"

#include <fmt/format.h>

#include <charconv>
#include <chrono>

namespace mac::contacts {

namespace {

/// Reads exactly `digits` decimal digits at `pos`.
bool readNumber(std::string_view text, size_t &pos, size_t digits, int &out) {
  if (pos + digits > text.size())
    return false;
  auto [end, ec] = std::from_chars(text.data() + pos, text.data() + pos + digits, out);
  if (ec != std::errc() || end != text.data() + pos + digits)
    return false;
  pos += digits;
  return true;
}

bool expect(std::string_view text, size_t &pos, char c) {
  if (pos >= text.size() || text[pos] != c)
    return false;
  ++pos;
  return true;
}

/// `Z`, `+HH:MM`, `+HHMM` or `+HH` at `pos` (which must then be the end).
bool readOffset(std::string_view text, size_t pos, int32_t &offset) {
  if (text.substr(pos) == "Z" || text.substr(pos) == "z") {
    offset = 0;
    return true;
  }
  if (pos >= text.size() || (text[pos] != '+' && text[pos] != '-'))
    return false;
  int sign = text[pos++] == '-' ? -1 : 1, hours = 0, minutes = 0;
  if (!readNumber(text, pos, 2, hours) || hours > 18)
    return false;
  if (pos < text.size()) {
    expect(text, pos, ':');
    if (!readNumber(text, pos, 2, minutes) || minutes > 59 || pos != text.size())
      return false;
  }
  offset = sign * (hours * 3600 + minutes * 60);
  return true;
}

} // namespace

std::optional<IsoTime> parseIsoTime(std::string_view text, std::string &why) {
  size_t pos = 0;
  int year = 0, month = 0, day = 0;
  if (!readNumber(text, pos, 4, year) || !expect(text, pos, '-') ||
      !readNumber(text, pos, 2, month) || !expect(text, pos, '-') ||
      !readNumber(text, pos, 2, day)) {
    why = "expected YYYY-MM-DD, optionally followed by THH:MM[:SS] and an offset";
    return std::nullopt;
  }
  std::chrono::year_month_day date{std::chrono::year(year), std::chrono::month(month),
                                   std::chrono::day(day)};
  if (!date.ok()) {
    why = "no such date";
    return std::nullopt;
  }
  IsoTime time;
  time.wallSeconds = std::chrono::sys_days(date).time_since_epoch().count() * int64_t(86400);
  if (pos == text.size())
    return time;
  int hour = 0, minute = 0, second = 0;
  if ((text[pos] != 'T' && text[pos] != ' ') || !readNumber(text, ++pos, 2, hour) ||
      !expect(text, pos, ':') || !readNumber(text, pos, 2, minute)) {
    why = "expected a time THH:MM after the date";
    return std::nullopt;
  }
  if (pos < text.size() && text[pos] == ':' && !readNumber(text, ++pos, 2, second)) {
    why = "expected two digits of seconds";
    return std::nullopt;
  }
  if (pos < text.size() && text[pos] == '.') // fractional seconds: kept out of the model
    for (++pos; pos < text.size() && text[pos] >= '0' && text[pos] <= '9';)
      ++pos;
  if (hour > 23 || minute > 59 || second > 60) {
    why = "hour, minute or second out of range";
    return std::nullopt;
  }
  time.hasTime = true;
  time.wallSeconds += hour * 3600 + minute * 60 + std::min(second, 59);
  if (pos == text.size())
    return time;
  int32_t offset = 0;
  if (!readOffset(text, pos, offset)) {
    why = "expected an offset such as Z, +02:00 or -0500 after the time";
    return std::nullopt;
  }
  time.offsetSeconds = offset;
  return time;
}

std::string formatIsoTime(int64_t wallSeconds) {
  int64_t days = wallSeconds >= 0 ? wallSeconds / 86400 : (wallSeconds - 86399) / 86400;
  int64_t rest = wallSeconds - days * 86400;
  std::chrono::year_month_day date{std::chrono::sys_days(std::chrono::days(days))};
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}", int(date.year()),
                     unsigned(date.month()), unsigned(date.day()), rest / 3600, rest / 60 % 60,
                     rest % 60);
}

} // namespace mac::contacts
