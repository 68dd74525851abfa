// Unit tests for semantic versions: parsing, SemVer precedence, the size of
// a step and the smallest sufficient bump.
#include "compiler/base/semver.h"

#include <gtest/gtest.h>

using mac::Bump;
using mac::SemVer;

namespace {
SemVer v(const char *text) { return SemVer::parse(text).value(); }
} // namespace

TEST(SemVer, ParsesReleasesAndPrereleases) {
  EXPECT_EQ(v("2.4.1").str(), "2.4.1");
  EXPECT_EQ(v("2.5.0-pre.1").prerelease, "pre.1");
  for (const char *bad :
       {"2.4", "2.4.1.0", "02.4.1", "2.4.x", "2.4.1-", "2.4.1-a..b", "", "v2.4.1"})
    EXPECT_FALSE(SemVer::parse(bad)) << bad;
}

TEST(SemVer, OrdersByPrecedence) {
  // The example list of SemVer 2.0.0 §11, in increasing precedence.
  const char *ordered[] = {"1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta",
                           "1.0.0-beta",  "1.0.0-beta.2",  "1.0.0-beta.11",
                           "1.0.0-rc.1",  "1.0.0",         "1.0.1",
                           "1.1.0",       "2.0.0",         "10.0.0"};
  for (size_t i = 0; i + 1 < std::size(ordered); ++i)
    EXPECT_LT(v(ordered[i]), v(ordered[i + 1])) << ordered[i] << " < " << ordered[i + 1];
}

TEST(SemVer, MeasuresSteps) {
  EXPECT_EQ(mac::bumpBetween(v("2.4.1"), v("2.4.1")), Bump::None);
  EXPECT_EQ(mac::bumpBetween(v("2.4.1"), v("2.4.0")), Bump::None);
  EXPECT_EQ(mac::bumpBetween(v("2.4.1"), v("2.4.2")), Bump::Patch);
  EXPECT_EQ(mac::bumpBetween(v("2.4.1"), v("2.5.0")), Bump::Minor);
  EXPECT_EQ(mac::bumpBetween(v("2.4.1"), v("3.0.0")), Bump::Major);
  EXPECT_EQ(mac::bumpBetween(v("2.4.1"), v("2.5.0-pre.1")), Bump::Minor);
  // Initial development: a minor step may break.
  EXPECT_EQ(mac::bumpBetween(v("0.3.0"), v("0.4.0")), Bump::Major);
}

TEST(SemVer, SuggestsTheSmallestSufficientVersion) {
  EXPECT_EQ(mac::bumped(v("2.4.1"), Bump::Patch).str(), "2.4.2");
  EXPECT_EQ(mac::bumped(v("2.4.1"), Bump::Minor).str(), "2.5.0");
  EXPECT_EQ(mac::bumped(v("2.4.1"), Bump::Major).str(), "3.0.0");
  EXPECT_EQ(mac::bumped(v("2.5.0-pre.1"), Bump::Minor).str(), "2.5.0");
  EXPECT_EQ(mac::bumped(v("2.5.0-pre.1"), Bump::Major).str(), "3.0.0");
  EXPECT_EQ(mac::bumped(v("2.4.1"), Bump::None).str(), "2.4.1");
}
