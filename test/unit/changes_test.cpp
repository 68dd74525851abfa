// Unit tests for the semantic diff (changes/): the LCS alignment of step
// sequences, rename detection (with references through the renamed asset),
// moved steps, layout-only edits, and docs/versioning.md listing every rule.
#include "changes/align.h"
#include "changes/compare.h"

#include "test/unit/bundle_fixture.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

using namespace mac;
using mac::test::analyse;

namespace {

std::string ops(const std::vector<changes::AlignOp> &aligned) {
  std::string out;
  for (const changes::AlignOp &op : aligned) {
    const char *kind[] = {"M", "P", "D", "I"};
    out += std::string(kind[op.kind]) + std::to_string(op.oldIndex) + "," +
           std::to_string(op.newIndex) + " ";
  }
  return out;
}

/// "kind subject [rule]" of every change, one per line.
std::string summary(const changes::ChangeSet &set) {
  std::string out;
  for (const changes::Change &c : set.changes())
    out += std::string(changeKindName(c.kind)) + " " + c.subject + " [" +
           std::string(changes::ruleInfo(c.rule).id) + "]\n";
  return out;
}

changes::ChangeSet diff(const std::string &before, const std::string &after) {
  auto a = analyse({{"bundle.flow", "bundle b { version 1.0.0; }\n"}, {"x.flow", before}});
  auto b = analyse({{"bundle.flow", "bundle b { version 1.0.0; }\n"}, {"x.flow", after}});
  EXPECT_FALSE(a->diags.hasErrors());
  EXPECT_FALSE(b->diags.hasErrors());
  return changes::compare(*a->program, a->sources, *b->program, b->sources);
}

} // namespace

TEST(ChangesAlign, KeepsTheLongestCommonSubsequence) {
  EXPECT_EQ(ops(changes::align({"a", "b", "c"}, {"a", "c"})), "M0,0 D1,-1 M2,1 ");
  EXPECT_EQ(ops(changes::align({"a", "c"}, {"a", "b", "c"})), "M0,0 I-1,1 M1,2 ");
  EXPECT_EQ(ops(changes::align({}, {"x"})), "I-1,0 ");
  EXPECT_EQ(ops(changes::align({"x"}, {})), "D0,-1 ");
}

TEST(ChangesAlign, AMovedElementIsADeleteAndAnInsert) {
  EXPECT_EQ(ops(changes::align({"a", "b", "c"}, {"b", "c", "a"})), "D0,-1 M1,0 M2,1 I-1,2 ");
}

TEST(ChangesAlign, GapsPairUpOnlyWhenAsked) {
  EXPECT_EQ(ops(changes::align({"a", "x", "c"}, {"a", "y", "c"})), "M0,0 D1,-1 I-1,1 M2,2 ");
  EXPECT_EQ(ops(changes::align({"a", "x", "c"}, {"a", "y", "c"}, true)), "M0,0 P1,1 M2,2 ");
  EXPECT_EQ(ops(changes::align({"x", "z"}, {"y"}, true)), "P0,0 D1,-1 ");
}

TEST(ChangesCompare, RenameOfAFlowIsOneChange) {
  auto set = diff("tag t;\nflow a \"A\" { on tag_added t; wait 1d; }\n",
                  "tag t;\nflow b \"A\" { on tag_added t; wait 1d; }\n");
  EXPECT_EQ(summary(set), "renamed flow a [asset-renamed]\n");
  EXPECT_EQ(set.required(), Bump::Major);
}

TEST(ChangesCompare, ReferencesFollowARenamedField) {
  // The field is renamed; the flow that sets it is otherwise the same.
  auto set = diff("field s: number;\ntag t;\nflow f { on tag_added t; set s = 1; }\n",
                  "field score: number;\ntag t;\nflow f { on tag_added t; set score = 1; }\n");
  EXPECT_EQ(summary(set), "renamed field s [asset-renamed]\n");
}

TEST(ChangesCompare, DifferentContentIsNotARename) {
  auto set = diff("tag t;\nflow a { on tag_added t; wait 1d; }\n",
                  "tag t;\nflow b { on tag_added t; wait 2d; }\n");
  EXPECT_EQ(summary(set), "added flow b [asset-added]\nremoved flow a [asset-removed]\n");
}

TEST(ChangesCompare, MovedStepIsAMove) {
  auto set = diff("tag t;\ntag u;\nflow f { on tag_added t; add tag u; wait 1d; stop; }\n",
                  "tag t;\ntag u;\nflow f { on tag_added t; wait 1d; stop; add tag u; }\n");
  EXPECT_EQ(summary(set), "moved flow f \xE2\x80\xBA step 3 (add tag u) [step-moved]\n");
}

TEST(ChangesCompare, LayoutAndCommentsAreNoChange) {
  auto set = diff("tag t;\nflow f { on tag_added t; wait 48h; }\n",
                  "// a comment\ntag t;\n\nflow f {\n  on tag_added t;\n  wait 2d; // same\n}\n");
  EXPECT_TRUE(set.empty()) << summary(set);
}

TEST(ChangesRules, VersioningDocListsEveryRule) {
  std::ifstream file(std::string(MAC_SOURCE_DIR) + "/docs/versioning.md");
  std::stringstream text;
  text << file.rdbuf();
  for (const changes::RuleInfo &rule : changes::allRules()) {
    std::string line = "`" + std::string(rule.id) + "` (" + std::string(bumpName(rule.bump)) + ")";
    EXPECT_NE(text.str().find(line), std::string::npos) << line;
  }
}
