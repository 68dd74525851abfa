// Rendering of the trigger graph (see graph_render.h). A small picture model
// (nodes, entries, edges, what is on a loop) is built once from the graph and
// then written as dot or Mermaid.
#include "analyzer/graph_render.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>

namespace mac::analyzer {

using namespace sema;

namespace {

struct Edge {
  uint32_t from, to; ///< flows; for entry edges, `from` is the entry's index
  std::vector<std::string> labels;
  bool loop = false;
};

/// What both formats draw.
struct Picture {
  std::vector<std::vector<std::string>> flowLines; ///< display name, then `on …` per trigger
  std::vector<bool> flowOnLoop;
  std::vector<std::string> entries; ///< labels of keys no action fires
  std::vector<Edge> entryEdges;
  std::vector<Edge> edges;
};

void addEdges(const Program &program, const TriggerGraph &graph, uint32_t f, Picture &out) {
  std::map<std::pair<StmtKind, uint32_t>, size_t> edgeOf; // (action kind, target) → edge
  for (const Firing &firing : graph.firingsOf(FlowId{f})) {
    const Stmt &action = program.stmt(firing.action);
    for (const TriggerRef &ref : graph.keys()[firing.key].triggers) {
      auto [it, added] = edgeOf.try_emplace({action.kind, ref.flow.value}, out.edges.size());
      if (added) {
        int cycle = graph.cycleOf(FlowId{f});
        bool loop = ref.flow.value == f || (cycle >= 0 && cycle == graph.cycleOf(ref.flow));
        out.edges.push_back({f, ref.flow.value, {}, loop});
        out.flowOnLoop[f] = out.flowOnLoop[f] || loop;
      }
      std::vector<std::string> &labels = out.edges[it->second].labels;
      std::string label = actionLabel(program, action);
      if (std::find(labels.begin(), labels.end(), label) == labels.end())
        labels.push_back(std::move(label));
    }
  }
}

Picture buildPicture(const Program &program, const TriggerGraph &graph) {
  Picture out;
  out.flowOnLoop.assign(program.flows.size(), false);
  for (uint32_t f = 0; f < program.flows.size(); ++f) {
    const Flow &flow = program.flows[f];
    std::vector<std::string> lines{flow.display};
    for (const Trigger &trigger : flow.triggers)
      lines.push_back("on " + triggerLabel(program, trigger));
    out.flowLines.push_back(std::move(lines));
    out.flowOnLoop[f] = graph.cycleOf(FlowId{f}) >= 0;
  }
  for (uint32_t f = 0; f < program.flows.size(); ++f)
    addEdges(program, graph, f, out);
  for (const TriggerKey &key : graph.keys()) {
    if (key.fired)
      continue;
    uint32_t entry = static_cast<uint32_t>(out.entries.size());
    out.entries.push_back(key.label);
    uint32_t last = UINT32_MAX;
    for (const TriggerRef &ref : key.triggers)
      if (ref.flow.value != last)
        out.entryEdges.push_back({entry, last = ref.flow.value, {}, false});
  }
  return out;
}

// ---- dot ----

std::string dotQuoted(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\')
      out += '\\';
    out += c == '\n' ? std::string("\\n") : std::string(1, c);
  }
  return out + "\"";
}

std::string join(const std::vector<std::string> &lines, std::string_view separator) {
  return fmt::format("{}", fmt::join(lines, separator));
}

std::string renderDot(const Program &program, const Picture &picture) {
  std::string out =
      fmt::format("digraph {} {{\n  rankdir=LR;\n  node [shape=box, style=rounded];\n",
                  dotQuoted(program.bundle.name.empty() ? "trigger_graph" : program.bundle.name));
  for (size_t f = 0; f < program.flows.size(); ++f)
    out += fmt::format("  {} [label={}{}];\n", dotQuoted(program.flows[f].name),
                       dotQuoted(join(picture.flowLines[f], "\n")),
                       picture.flowOnLoop[f] ? ", color=red, fontcolor=red" : "");
  for (size_t e = 0; e < picture.entries.size(); ++e)
    out += fmt::format("  {} [label={}, shape=plaintext];\n",
                       dotQuoted(fmt::format("entry {}", e + 1)), dotQuoted(picture.entries[e]));
  for (const Edge &edge : picture.entryEdges)
    out += fmt::format("  {} -> {} [style=dashed];\n",
                       dotQuoted(fmt::format("entry {}", edge.from + 1)),
                       dotQuoted(program.flows[edge.to].name));
  for (const Edge &edge : picture.edges)
    out += fmt::format("  {} -> {} [label={}{}];\n", dotQuoted(program.flows[edge.from].name),
                       dotQuoted(program.flows[edge.to].name), dotQuoted(join(edge.labels, "\n")),
                       edge.loop ? ", color=red, fontcolor=red" : "");
  return out + "}\n";
}

// ---- mermaid ----

/// Mermaid label text inside double quotes: entity codes for what it parses.
std::string mermaidText(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
    case '#':
      out += "#35;";
      break;
    case '"':
      out += "#quot;";
      break;
    case '<':
      out += "#lt;";
      break;
    case '>':
      out += "#gt;";
      break;
    case '&':
      out += "#amp;";
      break;
    case '\n':
      out += "<br/>";
      break;
    default:
      out += c;
    }
  }
  return out;
}

std::string mermaidLines(const std::vector<std::string> &lines) {
  std::string out;
  for (size_t i = 0; i < lines.size(); ++i)
    out += (i ? "<br/>" : "") + mermaidText(lines[i]);
  return out;
}

std::string renderMermaid(const Program &program, const Picture &picture) {
  std::string out = "flowchart LR\n";
  std::vector<std::string> loopFlows;
  for (size_t f = 0; f < program.flows.size(); ++f) {
    out +=
        fmt::format("  f_{}[\"{}\"]\n", program.flows[f].name, mermaidLines(picture.flowLines[f]));
    if (picture.flowOnLoop[f])
      loopFlows.push_back("f_" + program.flows[f].name);
  }
  for (size_t e = 0; e < picture.entries.size(); ++e)
    out += fmt::format("  entry{}([\"{}\"])\n", e + 1, mermaidText(picture.entries[e]));
  for (const Edge &edge : picture.entryEdges)
    out += fmt::format("  entry{} -.-> f_{}\n", edge.from + 1, program.flows[edge.to].name);
  std::vector<std::string> loopLinks;
  for (size_t e = 0; e < picture.edges.size(); ++e) {
    const Edge &edge = picture.edges[e];
    out += fmt::format("  f_{} -->|\"{}\"| f_{}\n", program.flows[edge.from].name,
                       mermaidLines(edge.labels), program.flows[edge.to].name);
    if (edge.loop)
      loopLinks.push_back(std::to_string(picture.entryEdges.size() + e));
  }
  if (!loopFlows.empty())
    out += "  classDef loop stroke:#d00,stroke-width:2px,color:#d00\n  class " +
           join(loopFlows, ",") + " loop\n";
  if (!loopLinks.empty())
    out += "  linkStyle " + join(loopLinks, ",") + " stroke:#d00,stroke-width:2px,color:#d00\n";
  return out;
}

} // namespace

std::string renderGraph(const Program &program, const TriggerGraph &graph, GraphFormat format) {
  Picture picture = buildPicture(program, graph);
  return format == GraphFormat::Dot ? renderDot(program, picture) : renderMermaid(program, picture);
}

} // namespace mac::analyzer
