// Quiet-hours arithmetic on minute sets (see quiet_hours.h). The TCPA night
// is walked as a line from 21:00 (step 0) to 08:00 (step 660) so that runs
// crossing midnight stay whole.
#include "analyzer/quiet_hours.h"

#include <fmt/format.h>

#include <vector>

namespace mac::analyzer {

namespace {

constexpr uint32_t kDay = 1440;
constexpr uint32_t kNight = kDay - kTcpaQuietStart + kTcpaQuietEnd; // 660 minutes

uint32_t nightMinute(uint32_t step) { return (kTcpaQuietStart + step) % kDay; }

std::string describeRun(uint32_t from, uint32_t to) {
  uint32_t midnight = kDay - kTcpaQuietStart;
  if (from == 0 && to == kNight)
    return "after 21:00 and before 08:00";
  if (from == 0 && to == midnight)
    return "after 21:00";
  if (from == midnight && to == kNight)
    return "before 08:00";
  return fmt::format("from {} to {}", clockText(nightMinute(from)), clockText(nightMinute(to)));
}

} // namespace

namespace {

/// The minutes [from, from + count), with from + count <= kDay, by shifts.
MinuteSet minuteRun(uint32_t from, uint32_t count) {
  MinuteSet set;
  if (count == 0)
    return set;
  set.set();
  set >>= kDay - count;
  set <<= from;
  return set;
}

} // namespace

MinuteSet quietMinutes(uint32_t start, uint32_t end) {
  start %= kDay;
  end %= kDay;
  if (start <= end)
    return minuteRun(start, end - start);
  return minuteRun(start, kDay - start) | minuteRun(0, end);
}

MinuteSet tcpaGap(const MinuteSet &quiet) {
  static const MinuteSet night = quietMinutes(kTcpaQuietStart, kTcpaQuietEnd);
  return night & ~quiet;
}

std::string clockText(uint32_t minute) {
  return fmt::format("{:02}:{:02}", (minute % kDay) / 60, minute % 60);
}

std::string describeGap(const MinuteSet &gap) {
  std::string out;
  uint32_t step = 0;
  while (step < kNight) {
    if (!gap.test(nightMinute(step))) {
      ++step;
      continue;
    }
    uint32_t from = step;
    while (step < kNight && gap.test(nightMinute(step)))
      ++step;
    out += (out.empty() ? "" : " and ") + describeRun(from, step);
  }
  return out;
}

std::optional<std::pair<uint32_t, uint32_t>> widenedToTcpa(uint32_t start, uint32_t end) {
  MinuteSet quiet = quietMinutes(start, end) | quietMinutes(kTcpaQuietStart, kTcpaQuietEnd);
  if (quiet.all())
    return std::nullopt;
  // Start the circular scan at an open minute, so every quiet run is whole.
  uint32_t open = 0;
  while (quiet.test(open))
    ++open;
  std::vector<std::pair<uint32_t, uint32_t>> runs;
  for (uint32_t i = 1; i <= kDay; ++i) {
    uint32_t m = (open + i) % kDay, previous = (open + i - 1) % kDay;
    if (quiet.test(m) && !quiet.test(previous))
      runs.push_back({m, m});
    if (!quiet.test(m) && quiet.test(previous))
      runs.back().second = m;
  }
  if (runs.size() != 1)
    return std::nullopt;
  return runs.front();
}

} // namespace mac::analyzer
