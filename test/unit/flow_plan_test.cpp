// Unit tests of the flow plan (backends/flow_plan.h): flags folded per
// environment, else-if chains as nested branches, stop ending the path,
// safe-mode guards before sends, the tree copy and its budget, and the
// normal forms of conditions.
#include "backends/flow_plan.h"

#include "bundle_fixture.h"

namespace mac::backend {
namespace {

constexpr const char *kPreamble = R"(
bundle b { targets hubspot; }
env stage { safe_mode seeds; }
env prod { }
field email: email;
field score: number = 0;
field router: bool = false;
field email_opt_in: bool = false;
consent email { field email_opt_in; }
tag t1; tag t2; tag t3; tag t4;
segment seeds where email ends_with "@acme.com";
email hello { from "a@acme.com"; subject "s"; body "{{unsubscribe_url}}"; unsubscribe one_click; }
flag off_flag { off; }
flag stage_only { envs stage; }
flag per_contact { when router == true; }
)";

struct Planned {
  std::unique_ptr<test::Analysed> analysed;
  std::unique_ptr<analyzer::EnvironmentModel> model;
  FlowPlan plan;
  const sema::Program &program() const { return *analysed->program; }
  /// "step:AddTag" / "branch" per node in number order, with links.
  std::string shape() const {
    std::string out;
    auto target = [](NodeIndex i) {
      return i == kEnd ? std::string("end") : std::to_string(i + 1);
    };
    for (const PlanNode &node : plan.nodes) {
      out += std::to_string(node.number) + ":";
      if (node.kind == PlanNode::Kind::Branch)
        out += std::string(node.safeModeGuard ? "guard" : "if") + "(" + target(node.ifTrue) + "," +
               target(node.ifFalse) + ") ";
      else
        out += "s" + std::to_string(static_cast<int>(program().stmt(node.stmt).kind)) + "->" +
               target(node.next) + " ";
    }
    return out;
  }
};

Planned plan(const std::string &flow, const std::string &env, PlanOptions options = {}) {
  Planned result;
  result.analysed = test::analyse({{"bundle.flow", std::string(kPreamble) + flow}});
  EXPECT_FALSE(result.analysed->diags.hasErrors());
  result.model = analyzer::EnvironmentModel::build(result.program());
  const analyzer::Environment *environment = result.model->find(env);
  EXPECT_NE(environment, nullptr);
  result.plan =
      buildFlowPlan(result.program(), *result.model, environment->id, sema::FlowId{0}, options);
  return result;
}

// StmtKind numbers used in shapes: AddTag = 8, Send = 2, Stop never appears.
TEST(FlowPlan, FlagsDecidedByTheEnvironmentAreFoldedAway) {
  std::string flow = R"(flow f { on event "x";
    if flag off_flag { add tag t1; }
    if flag stage_only { add tag t2; } else { add tag t3; }
  })";
  EXPECT_EQ(plan(flow, "prod").shape(), "1:s8->end ");  // only t3
  EXPECT_EQ(plan(flow, "stage").shape(), "1:s8->end "); // only t2
  EXPECT_EQ(plan(flow, "stage").program().stmt(plan(flow, "stage").plan.nodes[0].stmt).target.index,
            1u);
}

TEST(FlowPlan, PerContactFlagsBecomeTheirCondition) {
  Planned p = plan(R"(flow f { on event "x"; if flag per_contact { add tag t1; } })", "prod");
  ASSERT_EQ(p.plan.nodes.size(), 2u);
  const Condition &condition = p.plan.nodes[0].condition;
  EXPECT_EQ(condition.op, Condition::Op::Leaf);
  EXPECT_TRUE(condition.flag.isValid());
  EXPECT_EQ(p.program().cond(condition.leaf).kind, sema::CondKind::Compare);
}

TEST(FlowPlan, ElseIfChainsNestAndBranchesRejoin) {
  Planned p = plan(R"(flow f { on event "x";
    if score > 10 { add tag t1; } else if score > 5 { add tag t2; } else { add tag t3; }
    add tag t4;
  })",
                   "prod");
  EXPECT_EQ(p.shape(), "1:if(2,4) 2:s8->3 3:s8->end 4:if(5,6) 5:s8->3 6:s8->3 ");
}

TEST(FlowPlan, TreeShapeCopiesTheContinuation) {
  Planned p = plan(R"(flow f { on event "x";
    if score > 10 { add tag t1; } else { add tag t2; }
    add tag t4;
  })",
                   "prod", PlanOptions{.tree = true});
  EXPECT_EQ(p.shape(), "1:if(2,4) 2:s8->3 3:s8->end 4:s8->5 5:s8->end ");
}

TEST(FlowPlan, TreeCopyStopsAtItsBudget) {
  std::string body;
  for (int i = 0; i < 20; ++i)
    body += "if score > " + std::to_string(i) + " { add tag t1; }\n";
  Planned p = plan("flow f { on event \"x\";\n" + body + "}", "prod",
                   PlanOptions{.tree = true, .maxNodes = 1000});
  EXPECT_TRUE(p.plan.tooLarge);
  EXPECT_TRUE(p.plan.nodes.empty());
  EXPECT_FALSE(plan("flow f { on event \"x\";\n" + body + "}", "prod").plan.tooLarge);
}

TEST(FlowPlan, StopEndsThePath) {
  Planned p = plan(R"(flow f { on event "x";
    if score > 10 { add tag t1; stop; }
    add tag t2;
  })",
                   "prod");
  EXPECT_EQ(p.shape(), "1:if(2,3) 2:s8->end 3:s8->end ");
}

TEST(FlowPlan, SafeModeGuardsEverySendOutsideProd) {
  std::string flow = R"(flow f { on event "x"; if consent email { send hello; } add tag t1; })";
  EXPECT_EQ(plan(flow, "prod").shape(), "1:if(2,3) 2:s2->3 3:s8->end ");
  Planned stage = plan(flow, "stage");
  EXPECT_EQ(stage.shape(), "1:if(2,4) 2:guard(3,4) 3:s2->4 4:s8->end ");
  EXPECT_EQ(stage.plan.nodes[1].condition.op, Condition::Op::Audience);
  EXPECT_EQ(stage.plan.nodes[1].condition.audience.kind, sema::AssetKind::Segment);
}

TEST(FlowPlan, EnrolmentFiltersAndGoalsResolveFlags) {
  Planned p = plan(R"(flow f { on event "x"; require flag off_flag; goal score > 3; add tag t1; })",
                   "prod");
  EXPECT_TRUE(p.plan.neverEnrols);
  EXPECT_EQ(p.plan.goals.size(), 1u);
}

TEST(FlowPlan, NormalFormsPushNegationsOntoLiterals) {
  Planned p = plan(R"(flow f { on event "x";
    if not (score > 1 or score > 2) and (has tag t1 or has tag t2) { add tag t3; }
  })",
                   "prod");
  const Condition &condition = p.plan.nodes[0].condition;
  std::optional<Dnf> dnf = toDnf(condition);
  ASSERT_TRUE(dnf);
  ASSERT_EQ(dnf->size(), 2u); // (¬a ∧ ¬b ∧ c) ∨ (¬a ∧ ¬b ∧ d)
  EXPECT_EQ((*dnf)[0].size(), 3u);
  EXPECT_TRUE((*dnf)[0][0].negated && (*dnf)[0][1].negated && !(*dnf)[0][2].negated);
  std::optional<Cnf> cnf = toCnf(condition);
  ASSERT_TRUE(cnf);
  EXPECT_EQ(cnf->size(), 3u); // ¬a ∧ ¬b ∧ (c ∨ d)
  EXPECT_EQ((*cnf)[2].size(), 2u);
  EXPECT_FALSE(toDnf(condition, 1));
}

} // namespace
} // namespace mac::backend
