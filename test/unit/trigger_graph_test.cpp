// Unit tests for the trigger graph (analyzer/trigger_graph.h) and its
// pictures (analyzer/graph_render.h): which actions fire which triggers
// (value-aware), the cycles named in order, self-firings, overlapping keys,
// labels, and that a bundle of 10,000 flows in one ring is handled without
// recursion.
#include "analyzer/graph_render.h"
#include "analyzer/trigger_graph.h"

#include "test/unit/bundle_fixture.h"

#include <gtest/gtest.h>

using namespace mac;
using namespace mac::analyzer;

namespace {

const char *kModel = R"(bundle b { version 1.0.0; }
lint { disable unused-asset; }
field status: enum("A", "B", "C") = "A";
field score: number = 0;
field vip: bool = false;
tag t;
tag u;
list l;
)";

struct Graph {
  std::unique_ptr<test::Analysed> analysed;
  std::unique_ptr<TriggerGraph> graph;

  const sema::Program &program() const { return *analysed->program; }
  /// The flows the actions of flow `from` start, as "flow#trigger" in firing order.
  std::vector<std::string> targetsOf(uint32_t from) const {
    std::vector<std::string> out;
    for (const Firing &firing : graph->firingsOf(sema::FlowId{from}))
      for (const TriggerRef &ref : graph->keys()[firing.key].triggers)
        out.push_back(program().flows[ref.flow.value].name + "#" + std::to_string(ref.trigger));
    return out;
  }
  std::string cycleText(size_t index) const {
    std::string text;
    for (const CycleStep &step : graph->cycles()[index].steps)
      text += program().flows[step.from.value].name + " -[" +
              actionLabel(program(), program().stmt(step.action)) + "]-> ";
    return text + program().flows[graph->cycles()[index].steps.back().to.flow.value].name;
  }
};

Graph buildGraph(const std::string &flows, bool everyActionChanges = true) {
  Graph g;
  g.analysed = test::analyse({{"bundle.flow", std::string(kModel) + flows}});
  EXPECT_FALSE(g.analysed->diags.hasErrors());
  g.graph =
      TriggerGraph::build(*g.analysed->program, [&](sema::StmtId) { return everyActionChanges; });
  return g;
}

TEST(TriggerGraph, ActionsFireTheMatchingTriggers) {
  Graph g = buildGraph(R"(
flow actor { on form_submitted "F"; add tag t; add to list l; emit event "e"; remove tag u; }
flow on_tag { on tag_added t; }
flow on_other_tag { on tag_added u; }
flow on_list { on list_joined l; }
flow on_event { on event "e"; on event "other"; }
)");
  EXPECT_EQ(g.targetsOf(0), (std::vector<std::string>{"on_tag#0", "on_list#0", "on_event#0"}));
  ASSERT_EQ(g.graph->keys().size(), 6u);
  EXPECT_EQ(g.graph->keys()[0].label, "form_submitted \"F\"");
  EXPECT_FALSE(g.graph->keys()[0].fired); // forms are never fired by actions
  EXPECT_TRUE(g.graph->keys()[1].fired);
  EXPECT_FALSE(g.graph->keys()[2].fired); // `remove tag u` does not add it
  EXPECT_FALSE(g.graph->keys()[5].fired); // `event "other"`
  EXPECT_TRUE(g.graph->cycles().empty());
  EXPECT_TRUE(g.graph->selfFirings().empty());
}

TEST(TriggerGraph, SetFiresOnlyTheMatchingValue) {
  Graph g = buildGraph(R"(
flow to_b { on form_submitted "F"; set status = "B"; }
flow any { on field_changed status; }
flow on_b { on field_changed status to "B"; }
flow on_c { on field_changed status to "C"; }
flow vip_true { on field_changed vip to true; }
flow flip { on form_submitted "G"; set vip = false; set score = 10.0; }
flow on_ten { on field_changed score to 10; }
)");
  EXPECT_EQ(g.targetsOf(0), (std::vector<std::string>{"any#0", "on_b#0"}));
  EXPECT_EQ(g.targetsOf(5), (std::vector<std::string>{"on_ten#0"})); // 10.0 == 10
}

TEST(TriggerGraph, IncrementFiresEveryNumericValue) {
  Graph g = buildGraph(R"(
flow bump { on form_submitted "F"; increment score by 5; }
flow at_10 { on field_changed score to 10; }
flow at_20 { on field_changed score to 20; }
flow any { on field_changed score; }
)");
  EXPECT_EQ(g.targetsOf(0), (std::vector<std::string>{"any#0", "at_10#0", "at_20#0"}));
}

TEST(TriggerGraph, ActionsThatCannotChangeAnythingAreNoEdges) {
  Graph g = buildGraph("flow a { on tag_added t; add tag u; }\n"
                       "flow b { on tag_added u; add tag t; }\n",
                       false);
  EXPECT_TRUE(g.targetsOf(0).empty());
  EXPECT_TRUE(g.graph->cycles().empty());
  EXPECT_FALSE(g.graph->keys()[0].fired);
}

TEST(TriggerGraph, CycleIsNamedInOrderFromTheReenrollingFlow) {
  Graph g = buildGraph(R"(
flow first { on event "d"; add tag t; }
flow second { on tag_added t; add to list l; }
flow third { on list_joined l; reenroll after 1d; set status = "B"; }
flow fourth { on field_changed status to "B"; emit event "d"; }
flow outside { on event "d"; add tag u; }
)");
  ASSERT_EQ(g.graph->cycles().size(), 1u);
  const Cycle &cycle = g.graph->cycles()[0];
  ASSERT_EQ(cycle.flows.size(), 4u);
  EXPECT_EQ(cycle.flows[0].value, 0u);
  EXPECT_EQ(cycle.flows[3].value, 3u);
  EXPECT_EQ(g.cycleText(0), "third -[set status = \"B\"]-> fourth -[emit event \"d\"]-> first "
                            "-[add tag t]-> second -[add to list l]-> third");
  EXPECT_EQ(cycle.steps[0].to.trigger, 0u);
  EXPECT_EQ(g.graph->cycleOf(sema::FlowId{4}), -1);
  EXPECT_EQ(g.graph->cycleOf(sema::FlowId{1}), 0);
}

TEST(TriggerGraph, CycleAvoidsTheStartFlowsOwnSelfLoop) {
  // `a` re-fires itself and also starts `b`, which starts `a`: the cycle
  // named must go through `b`.
  Graph g = buildGraph(R"(
flow a { on field_changed score; increment score by 1; add tag t; }
flow b { on tag_added t; set score = 3; }
)");
  ASSERT_EQ(g.graph->cycles().size(), 1u);
  EXPECT_EQ(g.cycleText(0), "a -[add tag t]-> b -[set score = 3]-> a");
  ASSERT_EQ(g.graph->selfFirings().size(), 1u);
  EXPECT_EQ(g.graph->selfFirings()[0].flow.value, 0u);
  EXPECT_EQ(g.graph->selfFirings()[0].trigger, 0u);
}

TEST(TriggerGraph, SelfFiringNamesTheFirstOwnTrigger) {
  Graph g = buildGraph(R"(
flow s { on form_submitted "F"; on field_changed status to "B"; on field_changed status;
         set status = "B"; set status = "C"; }
)");
  ASSERT_EQ(g.graph->selfFirings().size(), 2u);
  EXPECT_EQ(g.graph->selfFirings()[0].trigger, 2u); // `field_changed status` fires first
  EXPECT_EQ(g.graph->selfFirings()[1].trigger, 2u);
  EXPECT_TRUE(g.graph->cycles().empty()); // one flow: MAC2002, not MAC2001
}

TEST(TriggerGraph, KeysOverlapWhenOneChangeFiresBoth) {
  Graph g = buildGraph(R"(
flow a { on field_changed status; on field_changed status to "B"; on field_changed status to "C"; }
flow b { on field_changed score; on form_submitted "F"; }
)");
  const TriggerGraph &graph = *g.graph;
  auto key = [&](uint32_t flow, uint32_t trigger) {
    return graph.keyOf({sema::FlowId{flow}, trigger});
  };
  EXPECT_TRUE(graph.keysOverlap(key(0, 0), key(0, 1)));
  EXPECT_TRUE(graph.keysOverlap(key(0, 2), key(0, 0)));
  EXPECT_FALSE(graph.keysOverlap(key(0, 1), key(0, 2)));
  EXPECT_FALSE(graph.keysOverlap(key(0, 0), key(1, 0)));
  EXPECT_EQ(graph.groups().size(), 3u);
  EXPECT_EQ(graph.groups()[0].size(), 3u);
}

TEST(TriggerGraph, LabelsAreWrittenAsInTheSource) {
  Graph g = buildGraph(R"(
flow a { on field_changed status to "B"; on schedule daily at 09:00; on event "say \"hi\"";
         set status = "C"; increment score by 2; emit event "x"; }
)");
  const sema::Flow &flow = g.program().flows[0];
  EXPECT_EQ(triggerLabel(g.program(), flow.triggers[0]), "field_changed status to \"B\"");
  EXPECT_EQ(triggerLabel(g.program(), flow.triggers[1]), "schedule daily at 09:00");
  EXPECT_EQ(triggerLabel(g.program(), flow.triggers[2]), "event \"say \\\"hi\\\"\"");
  EXPECT_EQ(actionLabel(g.program(), g.program().stmt(flow.body[0])), "set status = \"C\"");
  EXPECT_EQ(actionLabel(g.program(), g.program().stmt(flow.body[1])), "increment score by 2");
  EXPECT_EQ(actionLabel(g.program(), g.program().stmt(flow.body[2])), "emit event \"x\"");
}

TEST(TriggerGraph, RendersLoopsInRed) {
  Graph g = buildGraph("flow a \"A\" { on tag_added t; add tag u; }\n"
                       "flow b { on tag_added u; add tag t; }\n");
  EXPECT_EQ(renderGraph(g.program(), *g.graph, GraphFormat::Dot),
            "digraph \"b\" {\n  rankdir=LR;\n  node [shape=box, style=rounded];\n"
            "  \"a\" [label=\"A\\non tag_added t\", color=red, fontcolor=red];\n"
            "  \"b\" [label=\"b\\non tag_added u\", color=red, fontcolor=red];\n"
            "  \"a\" -> \"b\" [label=\"add tag u\", color=red, fontcolor=red];\n"
            "  \"b\" -> \"a\" [label=\"add tag t\", color=red, fontcolor=red];\n}\n");
  EXPECT_EQ(renderGraph(g.program(), *g.graph, GraphFormat::Mermaid),
            "flowchart LR\n  f_a[\"A<br/>on tag_added t\"]\n  f_b[\"b<br/>on tag_added u\"]\n"
            "  f_a -->|\"add tag u\"| f_b\n  f_b -->|\"add tag t\"| f_a\n"
            "  classDef loop stroke:#d00,stroke-width:2px,color:#d00\n  class f_a,f_b loop\n"
            "  linkStyle 0,1 stroke:#d00,stroke-width:2px,color:#d00\n");
}

TEST(TriggerGraph, TenThousandFlowsInOneRing) {
  // Flow i starts on event "e<i>" and emits "e<i+1>"; the last closes the
  // ring. A recursive walk would overflow; the graph must also stay linear.
  constexpr int kFlows = 10000;
  std::string flows;
  for (int i = 0; i < kFlows; ++i)
    flows += "flow f" + std::to_string(i) + " { on event \"e" + std::to_string(i) +
             "\"; emit event \"e" + std::to_string((i + 1) % kFlows) + "\"; }\n";
  Graph g = buildGraph(flows);
  ASSERT_EQ(g.graph->cycles().size(), 1u);
  EXPECT_EQ(g.graph->cycles()[0].flows.size(), size_t(kFlows));
  ASSERT_EQ(g.graph->cycles()[0].steps.size(), size_t(kFlows));
  EXPECT_EQ(g.graph->cycles()[0].steps[0].from.value, 0u);
  EXPECT_EQ(g.graph->cycles()[0].steps[kFlows - 1].from.value, uint32_t(kFlows - 1));
  EXPECT_EQ(g.graph->cycles()[0].steps[kFlows - 1].to.flow.value, 0u);
}

TEST(TriggerGraph, TenThousandFlowsOnOneTag) {
  // Every flow starts on `t` and adds `t`: linear in flows, not quadratic.
  std::string flows;
  for (int i = 0; i < 10000; ++i)
    flows += "flow g" + std::to_string(i) + " { on tag_added t; add tag t; }\n";
  Graph g = buildGraph(flows);
  EXPECT_EQ(g.graph->keys().size(), 1u);
  EXPECT_EQ(g.graph->selfFirings().size(), 10000u);
  ASSERT_EQ(g.graph->cycles().size(), 1u);
  EXPECT_EQ(g.cycleText(0), "g0 -[add tag t]-> g1 -[add tag t]-> g0");
}

} // namespace
