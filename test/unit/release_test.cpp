// Unit tests for release/: the structural JSON comparison behind `mac drift`
// and the rollback planner.
#include "release/json_drift.h"
#include "release/rollback_plan.h"

#include <gtest/gtest.h>

using namespace mac::release;
using nlohmann::json;

namespace {

std::vector<std::string> describe(const std::vector<DriftEdit> &edits) {
  std::vector<std::string> lines;
  for (const DriftEdit &edit : edits)
    lines.push_back(std::string(driftKindName(edit.kind)) + " " + edit.path);
  return lines;
}

} // namespace

TEST(JsonDrift, IgnoresAssignedKeysAndEmptyDefaults) {
  json compiled = {{"name", "A"}, {"actions", json::array()}};
  json platform = {
      {"name", "A"},      {"id", "7"}, {"actions", json::array()}, {"blockedDates", json::array()},
      {"enabled", false}, {"note", ""}};
  EXPECT_TRUE(compareJson(compiled, platform, {{"id"}, "actionId"}).empty());
  platform["note"] = "edited";
  EXPECT_EQ(describe(compareJson(compiled, platform, {{"id"}, "actionId"})),
            std::vector<std::string>{"added note"});
}

TEST(JsonDrift, MatchesArrayElementsByIdentityNotPosition) {
  json compiled = {{"actions", {{{"actionId", "1"}, {"x", 1}}, {{"actionId", "2"}, {"x", 2}}}}};
  // An action inserted first and the second one edited: one addition, one change.
  json platform = {{"actions",
                    {{{"actionId", "9"}, {"x", 0}},
                     {{"actionId", "1"}, {"x", 1}},
                     {{"actionId", "2"}, {"x", 3}}}}};
  EXPECT_EQ(
      describe(compareJson(compiled, platform, {{}, "actionId"})),
      (std::vector<std::string>{"changed actions[actionId=2].x", "added actions[actionId=9]"}));
}

TEST(JsonDrift, PairsElementsWithoutIdentityInOrder) {
  json compiled = {{"blocks", {{{"id", "1"}}, {{"type", "goto"}, {"to", "1"}}, {{"type", "end"}}}}};
  json platform = {{"blocks", {{{"id", "1"}}, {{"type", "goto"}, {"to", "2"}}}}};
  EXPECT_EQ(describe(compareJson(compiled, platform, {{}, "id"})),
            (std::vector<std::string>{"changed blocks[1].to", "removed blocks[2]"}));
}

TEST(JsonDrift, SurvivesDeepNesting) {
  json compiled = 1, platform = 2;
  for (int i = 0; i < 20000; ++i) { // walked with an explicit stack, not recursion
    compiled = json::array({std::move(compiled)});
    platform = json::array({std::move(platform)});
  }
  EXPECT_EQ(compareJson(compiled, platform, {}).size(), 1u);
}

TEST(RollbackPlan, ClassifiesEveryItem) {
  FileMap live = {{"hubspot/flows/a.json", "A2"},
                  {"hubspot/flows/new.json", "N"},
                  {"hubspot/assets/lists/l2.json", "L"},
                  {"hubspot/flows/same.json", "S"},
                  {"hubspot/DEPLOY.md", "x"},
                  {"manifest.json", "m2"}};
  FileMap older = {{"hubspot/flows/a.json", "A1"},
                   {"hubspot/flows/gone.json", "G"},
                   {"hubspot/flows/same.json", "S"},
                   {"hubspot/DEPLOY.md", "y"},
                   {"manifest.json", "m1"}};
  RollbackPlan plan = planRollback("prod", "X-2", live, "X-1", older);
  std::vector<std::string> got;
  for (const RollbackItem &item : plan.items)
    got.push_back(item.kind + " " + item.name + " " + std::string(rollbackActionName(item.action)));
  EXPECT_EQ(got,
            (std::vector<std::string>{"flow a replace", "flow gone restore", "flow new switch off",
                                      "flow same unchanged", "lists l2 keep"}));
  EXPECT_FALSE(plan.nothingToDo());
  EXPECT_TRUE(planRollback("prod", "X-1", older, "X-1", older).nothingToDo());
}
