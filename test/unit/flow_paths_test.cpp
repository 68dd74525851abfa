// Unit tests for the path analysis (analyzer/flow_paths.h): which actions can
// really change the contact, which flows can start on the same contact, and
// that joining path states never invents a finding.
#include "analyzer/flow_paths.h"

#include "test/unit/bundle_fixture.h"

#include <gtest/gtest.h>

using namespace mac;
using namespace mac::analyzer;

namespace {

const char *kModel = R"(bundle b { version 1.0.0; }
field status: enum("A", "B", "C") = "A";
field score: number = 0;
field vip: bool = false;
tag t;
tag u;
list l;
lint { disable unused-asset; }
)";

struct Paths {
  std::unique_ptr<test::Analysed> analysed;
  std::unique_ptr<CheckContext> ctx;
  analyzer::AnalyzerOptions options;
  const FlowPaths *paths = nullptr;

  /// The statement of flow `flow` at position `index` of its body.
  sema::StmtId stmt(size_t flow, size_t index) const {
    return analysed->program->flows[flow].body[index];
  }
};

Paths analysePaths(const std::string &flows) {
  Paths p;
  p.analysed = test::analyse({{"bundle.flow", std::string(kModel) + flows}});
  EXPECT_FALSE(p.analysed->diags.hasErrors());
  p.ctx = std::make_unique<CheckContext>(*p.analysed->program, p.analysed->sources, p.options,
                                         p.analysed->diags);
  p.paths = &p.ctx->get<FlowPaths>();
  return p;
}

} // namespace

TEST(FlowPaths, AddingATagTheTriggerGuaranteesChangesNothing) {
  Paths p = analysePaths("flow f { on tag_added t; add tag t; remove tag t; add tag t; }\n");
  EXPECT_FALSE(p.paths->changeCanBeReal(p.stmt(0, 0)));
  EXPECT_TRUE(p.paths->changeCanBeReal(p.stmt(0, 1)));
  EXPECT_TRUE(p.paths->changeCanBeReal(p.stmt(0, 2)));
}

TEST(FlowPaths, SettingTheTriggerValueChangesNothingUntilAWait) {
  Paths p = analysePaths("flow f { on field_changed status to \"B\"; set status = \"B\";"
                         " set status = \"C\"; wait 1d; add to list l; add to list l; }\n");
  EXPECT_FALSE(p.paths->changeCanBeReal(p.stmt(0, 0)));
  EXPECT_TRUE(p.paths->changeCanBeReal(p.stmt(0, 1)));
  EXPECT_TRUE(p.paths->changeCanBeReal(p.stmt(0, 3)));
  EXPECT_FALSE(p.paths->changeCanBeReal(p.stmt(0, 4))); // already joined just before
}

TEST(FlowPaths, AnActionThatNeverRunsChangesNothing) {
  Paths p = analysePaths("flow f { on event \"e\"; stop; add tag t; }\n");
  EXPECT_FALSE(p.paths->reachable(p.stmt(0, 1)));
  EXPECT_FALSE(p.paths->changeCanBeReal(p.stmt(0, 1)));
}

TEST(FlowPaths, EntriesOverlapUnlessTheirFiltersExcludeEachOther) {
  Paths p = analysePaths("flow a { on tag_added t; require status == \"A\"; add tag u; }\n"
                         "flow b { on tag_added t; require status in [\"B\", \"C\"]; add tag u; }\n"
                         "flow c { on tag_added t; require score > 3; add tag u; }\n");
  sema::FlowId a{0}, b{1}, c{2};
  EXPECT_FALSE(p.paths->entriesCanOverlap(a, 0, b, 0));
  EXPECT_FALSE(p.paths->entriesCanOverlap(b, 0, a, 0));
  EXPECT_TRUE(p.paths->entriesCanOverlap(a, 0, c, 0));
}

TEST(FlowPaths, ManyBranchesJoinWithoutInventingFindings) {
  // 40 independent ifs multiply paths far past the state cap; every state
  // still knows `status` is "A", and nothing is contradictory.
  std::string body = "flow f { on event \"e\"; require status == \"A\";\n";
  for (int i = 0; i < 40; ++i)
    body += "if score > " + std::to_string(i) + " or vip == true { add tag u; }\n";
  body += "if status == \"B\" { add tag t; }\nif status != \"B\" { add tag t; }\n}\n";
  Paths p = analysePaths(body);
  ASSERT_EQ(p.paths->constantConditions().size(), 2u);
  EXPECT_FALSE(p.paths->constantConditions()[0].value); // status == "B"
  EXPECT_TRUE(p.paths->constantConditions()[1].value);  // status != "B"
  EXPECT_TRUE(p.paths->deadCode().empty());
}

TEST(FlowPaths, NumberIntervalsAcrossIncrements) {
  Paths p = analysePaths("flow f { on event \"e\"; require score >= 10 and score < 20;"
                         " increment score by 5; if score < 15 { add tag t; }"
                         " if score >= 15 { add tag u; } }\n");
  ASSERT_EQ(p.paths->constantConditions().size(), 2u);
  EXPECT_FALSE(p.paths->constantConditions()[0].value);
  EXPECT_TRUE(p.paths->constantConditions()[1].value);
}
