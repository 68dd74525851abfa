// Unit tests of the release ledger (deploy/ledger.h): times and durations,
// validation per kind, parsing with line numbers, appends (numbering,
// incident ids, refusals, concurrent writers), and the delivery metrics of
// deploy/stats.h on a ledger whose numbers are worked out by hand.
#include "deploy/ledger.h"
#include "deploy/stats.h"

#include <gtest/gtest.h>
#include <llvm/Support/FileSystem.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sys/wait.h>
#include <unistd.h>

namespace mac::deploy {
namespace {

using nlohmann::json;

LedgerTime at(const char *text) {
  auto time = parseLedgerTime(text);
  EXPECT_TRUE(bool(time)) << text;
  if (!time) {
    llvm::consumeError(time.takeError());
    return 0;
  }
  return *time;
}

std::string errorOf(llvm::Error error) { return llvm::toString(std::move(error)); }

/// A fresh directory for one test.
std::string freshDir() {
  auto *info = ::testing::UnitTest::GetInstance()->current_test_info();
  auto dir = std::filesystem::temp_directory_path() /
             ("mac-ledger-" + std::to_string(::getpid()) + "-" + info->name());
  std::filesystem::remove_all(dir);
  return dir.string();
}

/// Restores an environment variable when the test ends.
class SavedVariable {
public:
  explicit SavedVariable(const char *name) : name_(name) {
    if (const char *value = std::getenv(name))
      value_ = value;
  }
  ~SavedVariable() {
    if (value_)
      ::setenv(name_, value_->c_str(), 1);
    else
      ::unsetenv(name_);
  }

private:
  const char *name_;
  std::optional<std::string> value_;
};

TEST(LedgerTime, FormatsAndParsesUtc) {
  EXPECT_EQ(formatLedgerTime(0), "1970-01-01T00:00:00Z");
  EXPECT_EQ(formatLedgerTime(1767225600), "2026-01-01T00:00:00Z");
  EXPECT_EQ(at("2026-11-22T04:10:00Z"), 1795320600);
  EXPECT_EQ(formatLedgerTime(at("2026-11-22T04:10:00Z")), "2026-11-22T04:10:00Z");
  EXPECT_EQ(at("2028-02-29"), at("2028-02-29T00:00:00Z"));
  for (const char *bad : {"2026-02-30", "2026-11-22T24:00:00Z", "2026-11-22 04:10:00Z",
                          "2026-11-22T04:10:00", "2026-11-22T04:10:00+01:00", "26-11-22", ""}) {
    auto time = parseLedgerTime(bad);
    ASSERT_FALSE(bool(time)) << bad;
    EXPECT_EQ(errorOf(time.takeError()), "'" + std::string(bad) +
                                             "' is not a UTC time (YYYY-MM-DDTHH:MM:SSZ or "
                                             "YYYY-MM-DD)");
  }
}

TEST(LedgerTime, NowHonoursMacNow) {
  SavedVariable saved("MAC_NOW");
  ::setenv("MAC_NOW", "2026-11-22T04:10:00Z", 1);
  auto now = ledgerNow();
  ASSERT_TRUE(bool(now));
  EXPECT_EQ(*now, at("2026-11-22T04:10:00Z"));
  ::setenv("MAC_NOW", "yesterday", 1);
  auto bad = ledgerNow();
  ASSERT_FALSE(bool(bad));
  EXPECT_EQ(errorOf(bad.takeError()),
            "MAC_NOW: 'yesterday' is not a UTC time (YYYY-MM-DDTHH:MM:SSZ or YYYY-MM-DD)");
  ::unsetenv("MAC_NOW");
}

TEST(LedgerTime, Durations) {
  EXPECT_EQ(formatDuration(0), "0s");
  EXPECT_EQ(formatDuration(45), "45s");
  EXPECT_EQ(formatDuration(5400), "1h30m");
  EXPECT_EQ(formatDuration(7200), "2h");
  EXPECT_EQ(formatDuration(2 * 86400 + 61), "2d1m1s");
  EXPECT_EQ(formatDuration(-90), "-1m30s");
}

TEST(Ledger, ActorPrecedence) {
  SavedVariable actor("MAC_ACTOR"), user("USER");
  ::setenv("MAC_ACTOR", "ana", 1);
  ::setenv("USER", "bob", 1);
  EXPECT_EQ(ledgerActor("carla"), "carla");
  EXPECT_EQ(ledgerActor(""), "ana");
  ::unsetenv("MAC_ACTOR");
  EXPECT_EQ(ledgerActor(""), "bob");
  ::unsetenv("USER");
  EXPECT_EQ(ledgerActor(""), "unknown");
}

json deploy(const char *outcome) {
  return {{"seq", 1},
          {"time", "2026-11-01T10:00:00Z"},
          {"kind", "deploy"},
          {"actor", "ana"},
          {"env", "prod"},
          {"target", "hubspot"},
          {"release", "LI-2.4.1"},
          {"version", "2.4.1"},
          {"outcome", outcome},
          {"applied", 3},
          {"planned", 3},
          {"via", "deploy"}};
}

TEST(Ledger, ValidatesKeysPerKind) {
  EXPECT_FALSE(bool(validateLedgerEntry(deploy("succeeded"))));
  EXPECT_EQ(errorOf(validateLedgerEntry(deploy("failed"))),
            "`deploy` entry needs a non-empty string `error`");
  EXPECT_EQ(errorOf(validateLedgerEntry(deploy("partial"))),
            "`deploy` entry: `outcome` must be one of succeeded, failed, unchanged, not 'partial'");
  json rollback = deploy("succeeded");
  rollback["kind"] = "rollback";
  EXPECT_EQ(errorOf(validateLedgerEntry(rollback)),
            "`rollback` entry needs a non-empty string `from`");
  json noCount = deploy("succeeded");
  noCount["applied"] = "3";
  EXPECT_EQ(errorOf(validateLedgerEntry(noCount)),
            "`deploy` entry needs a count (an integer >= 0) `applied`");
  json badTime = deploy("succeeded");
  badTime["time"] = "now";
  EXPECT_EQ(errorOf(validateLedgerEntry(badTime)),
            "`deploy` entry: `time`: 'now' is not a UTC time (YYYY-MM-DDTHH:MM:SSZ or "
            "YYYY-MM-DD)");
  json incident = {{"seq", 2},
                   {"time", "2026-11-01T10:00:00Z"},
                   {"kind", "incident-open"},
                   {"actor", "ana"},
                   {"incident", "INC-x"},
                   {"env", "prod"},
                   {"release", "LI-2.4.1"},
                   {"detected", "2026-11-01T10:00:00Z"},
                   {"summary", "double emails"}};
  EXPECT_EQ(errorOf(validateLedgerEntry(incident)),
            "`incident-open` entry: `incident` must look like INC-1, not 'INC-x'");
  incident["incident"] = "INC-1";
  EXPECT_FALSE(bool(validateLedgerEntry(incident)));
  json unknown = {{"seq", 1}, {"time", "2026-11-01T10:00:00Z"}, {"kind", "audit"}, {"actor", "a"}};
  EXPECT_EQ(errorOf(validateLedgerEntry(unknown)), "unknown kind 'audit'");
  EXPECT_FALSE(bool(validateLedgerEntry(unknown, /*allowUnknownKind=*/true)));
}

TEST(Ledger, ParseNamesTheBadLine) {
  std::string good = deploy("succeeded").dump() + "\n";
  json second = deploy("unchanged");
  second["seq"] = 2;
  std::string text = good + second.dump() + "\n{\"seq\": 3,\n";
  auto entries = parseLedger(text, "r/ledger.jsonl");
  ASSERT_FALSE(bool(entries));
  EXPECT_EQ(errorOf(entries.takeError()), "r/ledger.jsonl:3: not valid JSON");

  json gap = deploy("succeeded");
  gap["seq"] = 3;
  auto skipped = parseLedger(good + "\n" + gap.dump() + "\n", "L");
  ASSERT_FALSE(bool(skipped));
  EXPECT_EQ(errorOf(skipped.takeError()), "L:3: seq 3 where 2 was expected");

  auto fine = parseLedger(good + "\n\n" + second.dump(), "L");
  ASSERT_TRUE(bool(fine));
  ASSERT_EQ(fine->size(), 2u);
  EXPECT_EQ((*fine)[1].line, 4); // two blank lines skipped
  EXPECT_EQ((*fine)[1].str("outcome"), "unchanged");
}

TEST(Ledger, AppendNumbersStampsAndRefuses) {
  std::string dir = freshDir() + "/releases";
  SavedVariable saved("MAC_NOW");
  ::setenv("MAC_NOW", "2026-11-22T04:10:00Z", 1);
  auto missing = readLedger(dir);
  ASSERT_TRUE(bool(missing));
  EXPECT_TRUE(missing->empty());

  json first = deploy("succeeded");
  first.erase("seq");
  first.erase("time");
  auto written = appendLedgerEntry(dir, first);
  ASSERT_TRUE(bool(written)) << errorOf(written.takeError());
  EXPECT_EQ(written->seq(), 1);
  EXPECT_EQ(written->line, 1);
  EXPECT_EQ(written->str("time"), "2026-11-22T04:10:00Z");

  json incident = {{"kind", "incident-open"}, {"actor", "bob"},
                   {"env", "prod"},           {"release", "LI-2.4.1"},
                   {"summary", "duplicates"}, {"detected", "2026-11-22"}};
  auto opened = appendLedgerEntry(dir, incident);
  ASSERT_TRUE(bool(opened)) << errorOf(opened.takeError());
  EXPECT_EQ(opened->str("incident"), "INC-1");
  EXPECT_EQ(opened->seq(), 2);
  auto again = appendLedgerEntry(dir, incident);
  ASSERT_TRUE(bool(again));
  EXPECT_EQ(again->str("incident"), "INC-2");

  // A refusal of the check, and an invalid entry, write nothing.
  auto refused = appendLedgerEntry(dir, incident, [](const std::vector<LedgerEntry> &old, json &) {
    EXPECT_EQ(old.size(), 3u);
    return llvm::createStringError(llvm::inconvertibleErrorCode(), "no");
  });
  ASSERT_FALSE(bool(refused));
  EXPECT_EQ(errorOf(refused.takeError()), "no");
  auto invalidEntry = appendLedgerEntry(dir, {{"kind", "snapshot"}});
  ASSERT_FALSE(bool(invalidEntry));
  EXPECT_EQ(errorOf(invalidEntry.takeError()),
            "not appended to '" + ledgerPath(dir) +
                "': `snapshot` entry needs a non-empty string `release`");

  auto notAKind = appendLedgerEntry(dir, {{"kind", 3}});
  ASSERT_FALSE(bool(notAKind));
  EXPECT_EQ(errorOf(notAKind.takeError()),
            "not appended to '" + ledgerPath(dir) + "': no string `kind`");

  auto entries = readLedger(dir);
  ASSERT_TRUE(bool(entries));
  ASSERT_EQ(entries->size(), 3u);
  std::ifstream file(ledgerPath(dir));
  std::string line;
  std::getline(file, line);
  EXPECT_EQ(line,
            R"({"actor":"ana","applied":3,"env":"prod","kind":"deploy","outcome":"succeeded",)"
            R"("planned":3,"release":"LI-2.4.1","seq":1,"target":"hubspot",)"
            R"("time":"2026-11-22T04:10:00Z","version":"2.4.1","via":"deploy"})");
  ::unsetenv("MAC_NOW");
}

TEST(Ledger, ConcurrentWritersNeverInterleave) {
  std::string dir = freshDir();
  constexpr int kWriters = 4, kEach = 25;
  std::vector<pid_t> children;
  for (int w = 0; w < kWriters; ++w) {
    pid_t child = ::fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
      int failures = 0;
      for (int i = 0; i < kEach; ++i) {
        json entry = {{"kind", "incident-open"}, {"actor", "writer" + std::to_string(w)},
                      {"env", "prod"},           {"release", "LI-1.0.0"},
                      {"summary", "load"},       {"detected", "2026-11-22T04:10:00Z"}};
        auto written = appendLedgerEntry(dir, entry);
        if (!written) {
          llvm::consumeError(written.takeError());
          ++failures;
        }
      }
      ::_exit(failures ? 1 : 0);
    }
    children.push_back(child);
  }
  for (pid_t child : children) {
    int status = 0;
    ::waitpid(child, &status, 0);
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  }
  auto entries = readLedger(dir);
  ASSERT_TRUE(bool(entries)) << errorOf(entries.takeError());
  ASSERT_EQ(entries->size(), size_t(kWriters * kEach));
  for (size_t i = 0; i < entries->size(); ++i)
    EXPECT_EQ((*entries)[i].str("incident"), "INC-" + std::to_string(i + 1));
}

/// The ledger of test/ledger/Inputs/ledger.jsonl, by hand: 12 entries over
/// 2026-11-01T08:00 .. 2026-11-03T08:00 (2 days).
std::vector<LedgerEntry> sampleLedger() {
  std::ifstream file(std::string(MAC_SOURCE_DIR) + "/test/ledger/Inputs/ledger.jsonl");
  std::string text((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
  auto entries = parseLedger(text, "ledger.jsonl");
  EXPECT_TRUE(bool(entries));
  if (!entries) {
    llvm::consumeError(entries.takeError());
    return {};
  }
  return std::move(*entries);
}

TEST(LedgerStats, WholeLedger) {
  auto entries = sampleLedger();
  ASSERT_EQ(entries.size(), 12u);
  LedgerStats stats = computeStats(entries, {});
  ASSERT_TRUE(stats.hasWindow);
  EXPECT_EQ(formatLedgerTime(stats.since), "2026-11-01T08:00:00Z");
  EXPECT_EQ(formatLedgerTime(stats.until), "2026-11-03T08:00:00Z");
  EXPECT_DOUBLE_EQ(stats.days, 2.0);
  ASSERT_EQ(stats.environments.size(), 2u);
  // prod: deploys 3, 7, 9 (a rollback) and 11 succeeded (4: unchanged, 6:
  // failed); INC-1 against LI-2.4.2 follows deploy 7; mitigated after 1h30m,
  // resolved after 4h.
  const EnvironmentStats &prod = stats.environments[0];
  EXPECT_EQ(prod.env, "prod");
  EXPECT_EQ(prod.deploys, 4);
  EXPECT_DOUBLE_EQ(prod.deploysPerDay, 2.0);
  EXPECT_EQ(prod.failedDeploys, 1);
  EXPECT_DOUBLE_EQ(prod.changeFailureRate.value_or(-1), 0.25);
  EXPECT_EQ(prod.incidents, 1);
  EXPECT_EQ(prod.restoredIncidents, 1);
  EXPECT_DOUBLE_EQ(prod.meanTimeToRestore.value_or(-1), 5400);
  EXPECT_DOUBLE_EQ(prod.meanTimeToResolve.value_or(-1), 14400);
  EXPECT_EQ(prod.openIncidents, 0);
  // stage: deploy 2 of LI-2.4.1, followed by INC-2 (still open).
  const EnvironmentStats &stage = stats.environments[1];
  EXPECT_EQ(stage.env, "stage");
  EXPECT_EQ(stage.deploys, 1);
  EXPECT_DOUBLE_EQ(stage.deploysPerDay, 0.5);
  EXPECT_DOUBLE_EQ(stage.changeFailureRate.value_or(-1), 1.0);
  EXPECT_EQ(stage.openIncidents, 1);
  EXPECT_FALSE(stage.meanTimeToRestore);
}

TEST(LedgerStats, WindowAndEnvironment) {
  auto entries = sampleLedger();
  // 2026-11-02T00:00 .. 2026-11-02T10:30 is under a day: counted as one.
  // Deploy 7 is in it; INC-1 (detected 10:00) is not resolved by 10:30.
  LedgerStats stats = computeStats(entries, {at("2026-11-02"), at("2026-11-02T10:30:00Z")}, "prod");
  EXPECT_DOUBLE_EQ(stats.days, 1.0);
  ASSERT_EQ(stats.environments.size(), 1u);
  const EnvironmentStats &prod = stats.environments[0];
  EXPECT_EQ(prod.deploys, 1);
  EXPECT_EQ(prod.failedDeploys, 1);
  EXPECT_EQ(prod.incidents, 1);
  EXPECT_EQ(prod.restoredIncidents, 0);
  EXPECT_EQ(prod.openIncidents, 1);
  EXPECT_FALSE(prod.meanTimeToRestore);

  // An environment the ledger never names gets a row of zeros.
  LedgerStats dev = computeStats(entries, {}, "dev");
  ASSERT_EQ(dev.environments.size(), 1u);
  EXPECT_EQ(dev.environments[0].deploys, 0);
  EXPECT_FALSE(dev.environments[0].changeFailureRate);

  // An empty ledger has no window.
  EXPECT_FALSE(computeStats({}, {}).hasWindow);
}

TEST(LedgerStats, IncidentGoesToTheLatestDeployOfItsRelease) {
  auto entries = sampleLedger();
  const LedgerEntry &inc1 = entries[7];
  ASSERT_EQ(inc1.str("incident"), "INC-1");
  const LedgerEntry *behind = deployBehindIncident(entries, inc1);
  ASSERT_NE(behind, nullptr);
  EXPECT_EQ(behind->seq(), 7);
}

} // namespace
} // namespace mac::deploy
