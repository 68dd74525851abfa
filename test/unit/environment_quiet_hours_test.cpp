// Unit tests for the quiet-hours arithmetic of MAC3002 / MAC3003
// (analyzer/quiet_hours.h): windows that wrap midnight, the TCPA gap, how a
// gap is described, and how a window is widened by a fix.
#include "analyzer/quiet_hours.h"

#include <gtest/gtest.h>

using namespace mac::analyzer;

namespace {
constexpr uint32_t at(uint32_t hour, uint32_t minute = 0) { return hour * 60 + minute; }
} // namespace

TEST(EnvironmentQuietHours, WindowsWrapMidnight) {
  MinuteSet night = quietMinutes(at(21), at(8));
  EXPECT_EQ(night.count(), 660u);
  EXPECT_TRUE(night.test(at(21)));
  EXPECT_TRUE(night.test(at(0)));
  EXPECT_TRUE(night.test(at(7, 59)));
  EXPECT_FALSE(night.test(at(8)));
  EXPECT_FALSE(night.test(at(20, 59)));
  MinuteSet day = quietMinutes(at(12), at(13));
  EXPECT_EQ(day.count(), 60u);
  EXPECT_EQ(quietMinutes(at(9), at(9)).count(), 0u);
}

TEST(EnvironmentQuietHours, TcpaGap) {
  EXPECT_TRUE(tcpaGap(quietMinutes(at(21), at(8))).none());
  EXPECT_TRUE(tcpaGap(quietMinutes(at(20), at(8))).none());
  EXPECT_EQ(tcpaGap(quietMinutes(at(22), at(7))).count(), 120u);
  EXPECT_EQ(tcpaGap(MinuteSet{}).count(), 660u);
  MinuteSet both = quietMinutes(at(22), at(1)) | quietMinutes(at(1), at(8));
  MinuteSet gap = tcpaGap(both);
  EXPECT_EQ(gap.count(), 60u);
  EXPECT_TRUE(gap.test(at(21, 30)));
}

TEST(EnvironmentQuietHours, DescribesGaps) {
  EXPECT_EQ(describeGap(tcpaGap(quietMinutes(at(22), at(7)))),
            "from 21:00 to 22:00 and from 07:00 to 08:00");
  EXPECT_EQ(describeGap(tcpaGap(quietMinutes(at(21), at(0)))), "before 08:00");
  EXPECT_EQ(describeGap(tcpaGap(quietMinutes(at(0), at(8)))), "after 21:00");
  EXPECT_EQ(describeGap(tcpaGap(MinuteSet{})), "after 21:00 and before 08:00");
  EXPECT_EQ(describeGap(tcpaGap(quietMinutes(at(21), at(7, 30)))), "from 07:30 to 08:00");
  EXPECT_EQ(describeGap(tcpaGap(quietMinutes(at(23), at(8)))), "from 21:00 to 23:00");
  EXPECT_EQ(describeGap(tcpaGap(quietMinutes(at(21), at(1)))), "from 01:00 to 08:00");
  EXPECT_EQ(describeGap(MinuteSet{}), "");
}

TEST(EnvironmentQuietHours, ClockText) {
  EXPECT_EQ(clockText(0), "00:00");
  EXPECT_EQ(clockText(at(7, 5)), "07:05");
  EXPECT_EQ(clockText(at(21)), "21:00");
}

TEST(EnvironmentQuietHours, WidensToCoverTheTcpaNight) {
  using Window = std::pair<uint32_t, uint32_t>;
  EXPECT_EQ(widenedToTcpa(at(22), at(7)), Window(at(21), at(8)));
  EXPECT_EQ(widenedToTcpa(at(20), at(7)), Window(at(20), at(8)));
  EXPECT_EQ(widenedToTcpa(at(0), at(8, 30)), Window(at(21), at(8, 30)));
  EXPECT_EQ(widenedToTcpa(at(21), at(8)), Window(at(21), at(8)));
  EXPECT_EQ(widenedToTcpa(at(1), at(5)), Window(at(21), at(8)));
  EXPECT_FALSE(widenedToTcpa(at(12), at(13)));
  EXPECT_FALSE(widenedToTcpa(at(8), at(21)));
}
