// ICU behind the simulator's clock (time_zone.h). Offsets come from
// icu::TimeZone; local → UTC goes through an icu::GregorianCalendar per zone
// so that skipped and repeated wall times follow ICU's documented options.
#include "simulator/time_zone.h"

#include <fmt/format.h>
#include <unicode/gregocal.h>
#include <unicode/timezone.h>

#include <chrono>
#include <cstdio>
#include <unordered_map>

namespace mac::sim {

namespace {

constexpr int64_t kDay = 86400;

/// Floor division for negative instants.
int64_t floorDiv(int64_t a, int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

LocalTime civil(int64_t localSeconds) {
  using namespace std::chrono;
  int64_t days = floorDiv(localSeconds, kDay);
  int64_t rest = localSeconds - days * kDay;
  year_month_day date{sys_days{std::chrono::days{days}}};
  LocalTime out;
  out.year = static_cast<int>(date.year());
  out.month = static_cast<int>(static_cast<unsigned>(date.month()));
  out.day = static_cast<int>(static_cast<unsigned>(date.day()));
  out.hour = static_cast<int>(rest / 3600);
  out.minute = static_cast<int>(rest % 3600 / 60);
  out.second = static_cast<int>(rest % 60);
  return out;
}

int64_t daysFromCivil(int year, int month, int day) {
  using namespace std::chrono;
  sys_days days{std::chrono::year{year} / std::chrono::month{static_cast<unsigned>(month)} /
                std::chrono::day{static_cast<unsigned>(day)}};
  return days.time_since_epoch().count();
}

} // namespace

std::optional<LocalTime> parseLocalTime(std::string_view text) {
  LocalTime out;
  std::string copy(text);
  int consumed = 0;
  if (std::sscanf(copy.c_str(), "%4d-%2d-%2d%n", &out.year, &out.month, &out.day, &consumed) != 3)
    return std::nullopt;
  std::string_view rest = text.substr(consumed);
  if (!rest.empty()) {
    if (rest[0] != 'T' && rest[0] != ' ')
      return std::nullopt;
    std::string clock(rest.substr(1));
    int n = std::sscanf(clock.c_str(), "%2d:%2d:%2d", &out.hour, &out.minute, &out.second);
    if (n < 2)
      return std::nullopt;
  }
  if (out.month < 1 || out.month > 12 || out.day < 1 || out.day > 31 || out.hour > 23 ||
      out.minute > 59 || out.second > 59)
    return std::nullopt;
  return out;
}

struct TimeZones::Impl {
  struct Zone {
    std::unique_ptr<icu::TimeZone> tz;
    std::unique_ptr<icu::GregorianCalendar> calendar;
    bool known = false;
  };
  std::unordered_map<std::string, Zone> zones;
  std::string lastName; ///< most runs ask about one contact's zone many times
  Zone *last = nullptr;

  Zone &get(std::string_view name) {
    if (last && name == lastName)
      return *last;
    lastName = name;
    auto found = zones.find(lastName);
    if (found != zones.end())
      return *(last = &found->second);
    Zone zone;
    std::string id = name.empty() ? "UTC" : std::string(name);
    zone.tz.reset(icu::TimeZone::createTimeZone(icu::UnicodeString::fromUTF8(id)));
    icu::UnicodeString got;
    zone.tz->getID(got); // an unknown name gives ICU's "Etc/Unknown" zone
    zone.known = got != icu::UnicodeString("Etc/Unknown");
    if (!zone.known)
      zone.tz.reset(icu::TimeZone::createTimeZone("UTC"));
    UErrorCode status = U_ZERO_ERROR;
    zone.calendar = std::make_unique<icu::GregorianCalendar>(*zone.tz, status);
    zone.calendar->setRepeatedWallTimeOption(UCAL_WALLTIME_FIRST);
    zone.calendar->setSkippedWallTimeOption(UCAL_WALLTIME_LAST);
    return *(last = &zones.emplace(lastName, std::move(zone)).first->second);
  }
};

TimeZones::TimeZones() : impl_(std::make_unique<Impl>()) {}
TimeZones::~TimeZones() = default;

bool TimeZones::isKnown(std::string_view zone) { return impl_->get(zone).known; }

LocalTime TimeZones::toLocal(std::string_view zone, Instant instant) {
  int32_t raw = 0, dst = 0;
  UErrorCode status = U_ZERO_ERROR;
  impl_->get(zone).tz->getOffset(static_cast<UDate>(instant) * 1000.0, false, raw, dst, status);
  int offset = U_SUCCESS(status) ? (raw + dst) / 1000 : 0;
  LocalTime out = civil(instant + offset);
  out.offsetSeconds = offset;
  return out;
}

Instant TimeZones::fromLocal(std::string_view zone, const LocalTime &local) {
  icu::GregorianCalendar &calendar = *impl_->get(zone).calendar;
  calendar.clear();
  calendar.set(local.year, local.month - 1, local.day, local.hour, local.minute, local.second);
  UErrorCode status = U_ZERO_ERROR;
  UDate millis = calendar.getTime(status);
  if (U_FAILURE(status)) // cannot happen for validated input; fall back to UTC
    return daysFromCivil(local.year, local.month, local.day) * kDay + local.hour * 3600 +
           local.minute * 60 + local.second;
  return static_cast<Instant>(millis / 1000.0);
}

Instant TimeZones::nextClock(std::string_view zone, Instant from, int minuteOfDay) {
  LocalTime today = toLocal(zone, from);
  LocalTime target = today;
  target.hour = minuteOfDay / 60;
  target.minute = minuteOfDay % 60;
  target.second = 0;
  Instant candidate = fromLocal(zone, target);
  if (candidate >= from)
    return candidate;
  LocalTime tomorrow = civil(daysFromCivil(today.year, today.month, today.day) * kDay + kDay);
  tomorrow.hour = target.hour;
  tomorrow.minute = target.minute;
  return fromLocal(zone, tomorrow);
}

std::string TimeZones::format(std::string_view zone, Instant instant) {
  LocalTime local = toLocal(zone, instant);
  int offset = local.offsetSeconds;
  char sign = offset < 0 ? '-' : '+';
  offset = offset < 0 ? -offset : offset;
  std::string text = fmt::format("{:04}-{:02}-{:02} {:02}:{:02}", local.year, local.month,
                                 local.day, local.hour, local.minute);
  if (local.second != 0)
    text += fmt::format(":{:02}", local.second);
  return text + fmt::format("{}{:02}:{:02}", sign, offset / 3600, offset % 3600 / 60);
}

std::string formatUtc(Instant instant) {
  LocalTime t = civil(instant);
  std::string text =
      fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}", t.year, t.month, t.day, t.hour, t.minute);
  if (t.second != 0)
    text += fmt::format(":{:02}", t.second);
  return text + "Z";
}

} // namespace mac::sim
