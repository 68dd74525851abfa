// Construction of the trigger graph (see trigger_graph.h): an index from
// trigger keys to the flows they start, one pass over every flow's actions to
// find what each fires, an iterative Tarjan over flows and keys, and one
// breadth-first search per cyclic component to name a cycle through it.
#include "analyzer/trigger_graph.h"

#include "analyzer/flow_paths.h"
#include "analyzer/program_queries.h"

#include <fmt/format.h>

#include <algorithm>
#include <deque>
#include <map>
#include <unordered_map>
#include <unordered_set>

namespace mac::analyzer {

using namespace sema;

namespace {

/// A value's identity for comparison: typed (a number is equal to the same
/// number however written), so `to 10` matches `set score = 10.0`.
std::string valueKey(const Value &value) {
  switch (value.kind) {
  case ast::LiteralKind::Number:
    return fmt::format("n{}", value.number);
  case ast::LiteralKind::Bool:
    return value.boolean ? "b1" : "b0";
  case ast::LiteralKind::Clock:
  case ast::LiteralKind::Duration:
    return fmt::format("t{}", value.seconds);
  default: // strings, enum values, dates as written
    return "s" + value.text;
  }
}

/// Keys of the same kind and target, whatever the `to` value.
std::string groupIdentity(const Trigger &trigger) {
  switch (trigger.kind) {
  case TriggerKind::FormSubmitted:
    return "form:" + trigger.text;
  case TriggerKind::TagAdded:
    return fmt::format("tag:{}", trigger.tag.value);
  case TriggerKind::ListJoined:
    return fmt::format("list:{}", trigger.list.value);
  case TriggerKind::FieldChanged:
    return fmt::format("field:{}", trigger.field.value);
  case TriggerKind::Event:
    return "event:" + trigger.text;
  case TriggerKind::Schedule:
    return trigger.value ? fmt::format("schedule:{}", trigger.value->seconds) : "schedule:";
  }
  return {};
}

std::string keyIdentity(const Trigger &trigger) {
  std::string identity = groupIdentity(trigger);
  if (trigger.kind == TriggerKind::FieldChanged && trigger.value)
    identity += "=" + valueKey(*trigger.value);
  return identity;
}

std::string quoted(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\')
      out += '\\';
    if (c == '\n')
      out += "\\n";
    else if (c == '\t')
      out += "\\t";
    else
      out += c;
  }
  return out + "\"";
}

} // namespace

std::string literalText(const Value &value) {
  return value.kind == ast::LiteralKind::String ? quoted(value.text) : value.text;
}

std::string triggerLabel(const Program &program, const Trigger &trigger) {
  switch (trigger.kind) {
  case TriggerKind::FormSubmitted:
    return "form_submitted " + quoted(trigger.text);
  case TriggerKind::TagAdded:
    return "tag_added " + program.tags[trigger.tag.value].name;
  case TriggerKind::ListJoined:
    return "list_joined " + program.lists[trigger.list.value].name;
  case TriggerKind::FieldChanged:
    return "field_changed " + program.field(trigger.field).name +
           (trigger.value ? " to " + literalText(*trigger.value) : "");
  case TriggerKind::Event:
    return "event " + quoted(trigger.text);
  case TriggerKind::Schedule:
    return "schedule daily at " + (trigger.value ? trigger.value->text : std::string());
  }
  return {};
}

std::string actionLabel(const Program &program, const Stmt &stmt) {
  switch (stmt.kind) {
  case StmtKind::AddTag:
    return "add tag " + program.declared(stmt.target).name;
  case StmtKind::AddToList:
    return "add to list " + program.declared(stmt.target).name;
  case StmtKind::Set:
    return "set " + program.field(stmt.field).name + " = " + literalText(stmt.value);
  case StmtKind::Increment:
    return "increment " + program.field(stmt.field).name +
           (stmt.value.text.empty() ? "" : " by " + stmt.value.text);
  case StmtKind::Emit:
    return "emit event " + quoted(stmt.text);
  default:
    return {};
  }
}

/// Builds a TriggerGraph in three passes: keys, firings, components.
class GraphBuilder {
public:
  GraphBuilder(const Program &program, TriggerGraph &graph) : program_(program), g_(graph) {}

  void run(const std::function<bool(StmtId)> &canFire) {
    indexTriggers();
    collectFirings(canFire);
    findComponents();
    findCycles();
  }

private:
  void indexTriggers() {
    std::map<std::string, uint32_t> groups;
    g_.triggerKeys_.resize(program_.flows.size());
    for (uint32_t f = 0; f < program_.flows.size(); ++f) {
      const Flow &flow = program_.flows[f];
      for (uint32_t t = 0; t < flow.triggers.size(); ++t) {
        const Trigger &trigger = flow.triggers[t];
        auto [it, added] = keyIndex_.try_emplace(keyIdentity(trigger), g_.keys_.size());
        if (added) {
          auto group = groups.try_emplace(groupIdentity(trigger), groups.size()).first->second;
          if (group == g_.groups_.size())
            g_.groups_.emplace_back();
          g_.groups_[group].push_back(it->second);
          bool valued = trigger.kind == TriggerKind::FieldChanged && trigger.value;
          g_.keys_.push_back({trigger.kind, triggerLabel(program_, trigger), {}, group, valued});
          indexByTarget(trigger, valued, it->second);
          if (valued && trigger.value->kind == ast::LiteralKind::Number)
            numericKeys_[trigger.field.value].push_back(it->second);
        }
        g_.keys_[it->second].triggers.push_back({FlowId{f}, t});
        g_.triggerKeys_[f].push_back(it->second);
      }
    }
  }

  /// The keys actions look up most, by number rather than by identity: the
  /// key of `tag_added T`, `list_joined L`, `field_changed F` (no value).
  void indexByTarget(const Trigger &trigger, bool valued, uint32_t key) {
    if (trigger.kind == TriggerKind::TagAdded)
      tagKeys_.try_emplace(trigger.tag.value, key);
    else if (trigger.kind == TriggerKind::ListJoined)
      listKeys_.try_emplace(trigger.list.value, key);
    else if (trigger.kind == TriggerKind::FieldChanged && !valued)
      fieldKeys_.try_emplace(trigger.field.value, key);
    else if (trigger.kind == TriggerKind::FieldChanged)
      valuedFields_.insert(trigger.field.value);
  }

  void fire(StmtId action, const std::unordered_map<uint32_t, uint32_t> &keys, uint32_t target) {
    if (auto it = keys.find(target); it != keys.end())
      fire(action, it->second);
  }
  void fire(StmtId action, const std::string &identity) {
    auto it = keyIndex_.find(identity);
    if (it != keyIndex_.end())
      fire(action, it->second);
  }
  void fire(StmtId action, uint32_t key) {
    g_.firings_.push_back({action, key});
    g_.keys_[key].fired = true;
  }

  /// Every key an action fires, in a fixed order (the valueless key first).
  void fireAll(StmtId id, const Stmt &stmt) {
    switch (stmt.kind) {
    case StmtKind::AddTag:
      return fire(id, tagKeys_, stmt.target.index);
    case StmtKind::AddToList:
      return fire(id, listKeys_, stmt.target.index);
    case StmtKind::Set:
      fire(id, fieldKeys_, stmt.field.value);
      if (valuedFields_.count(stmt.field.value))
        fire(id, fmt::format("field:{}={}", stmt.field.value, valueKey(stmt.value)));
      return;
    case StmtKind::Increment:
      fire(id, fieldKeys_, stmt.field.value);
      if (auto it = numericKeys_.find(stmt.field.value); it != numericKeys_.end())
        for (uint32_t key : it->second)
          fire(id, key);
      return;
    case StmtKind::Emit:
      return fire(id, "event:" + stmt.text);
    default:
      return;
    }
  }

  void collectFirings(const std::function<bool(StmtId)> &canFire) {
    g_.firingStart_.assign(1, 0);
    for (uint32_t f = 0; f < program_.flows.size(); ++f) {
      FlowId flow{f};
      forEachStatement(program_, program_.flows[f].body, [&](StmtId id, const Stmt &stmt) {
        if (stmt.kind == StmtKind::If || !canFire(id))
          return;
        size_t first = g_.firings_.size();
        fireAll(id, stmt);
        for (size_t i = first; i < g_.firings_.size(); ++i)
          if (g_.startsOn(flow, g_.firings_[i].key)) {
            g_.selfFirings_.push_back({flow, id, firstTriggerOn(flow, g_.firings_[i].key)});
            break;
          }
      });
      g_.firingStart_.push_back(static_cast<uint32_t>(g_.firings_.size()));
    }
  }

  uint32_t firstTriggerOn(FlowId flow, uint32_t key) const {
    const std::vector<uint32_t> &keys = g_.triggerKeys_[flow.value];
    return static_cast<uint32_t>(std::find(keys.begin(), keys.end(), key) - keys.begin());
  }

  // ---- the graph of flows (nodes 0..F-1) and keys (F..F+K-1) ----

  uint32_t flowCount() const { return static_cast<uint32_t>(program_.flows.size()); }
  uint32_t degree(uint32_t node) const {
    if (node < flowCount())
      return g_.firingStart_[node + 1] - g_.firingStart_[node];
    return static_cast<uint32_t>(g_.keys_[node - flowCount()].triggers.size());
  }
  uint32_t successor(uint32_t node, uint32_t i) const {
    if (node < flowCount())
      return flowCount() + g_.firings_[g_.firingStart_[node] + i].key;
    return g_.keys_[node - flowCount()].triggers[i].flow.value;
  }

  /// Tarjan's algorithm with an explicit call stack of (node, next edge).
  void findComponents() {
    const uint32_t n = flowCount() + static_cast<uint32_t>(g_.keys_.size());
    constexpr uint32_t kNone = UINT32_MAX;
    std::vector<uint32_t> index(n, kNone), low(n, 0);
    std::vector<bool> onStack(n, false);
    std::vector<uint32_t> stack;
    std::vector<std::pair<uint32_t, uint32_t>> calls;
    component_.assign(n, kNone);
    uint32_t counter = 0, components = 0;
    auto open = [&](uint32_t v) {
      index[v] = low[v] = counter++;
      stack.push_back(v), onStack[v] = true;
      calls.push_back({v, 0});
    };
    for (uint32_t root = 0; root < n; ++root) {
      if (index[root] != kNone)
        continue;
      open(root);
      while (!calls.empty()) {
        uint32_t v = calls.back().first;
        if (calls.back().second < degree(v)) {
          uint32_t w = successor(v, calls.back().second++);
          if (index[w] == kNone)
            open(w);
          else if (onStack[w])
            low[v] = std::min(low[v], index[w]);
          continue;
        }
        if (low[v] == index[v]) {
          uint32_t w;
          do {
            w = stack.back();
            stack.pop_back(), onStack[w] = false;
            component_[w] = components;
          } while (w != v);
          ++components;
        }
        calls.pop_back();
        if (!calls.empty())
          low[calls.back().first] = std::min(low[calls.back().first], low[v]);
      }
    }
    flowsPerComponent_.assign(components, 0);
    for (uint32_t f = 0; f < flowCount(); ++f)
      ++flowsPerComponent_[component_[f]];
  }

  void findCycles() {
    g_.cycleOfFlow_.assign(flowCount(), -1);
    std::vector<int> cycleOfComponent(flowsPerComponent_.size(), -1);
    for (uint32_t f = 0; f < flowCount(); ++f) {
      uint32_t c = component_[f];
      if (flowsPerComponent_[c] < 2)
        continue;
      if (cycleOfComponent[c] < 0) {
        cycleOfComponent[c] = static_cast<int>(g_.cycles_.size());
        g_.cycles_.emplace_back();
      }
      g_.cycleOfFlow_[f] = cycleOfComponent[c];
      g_.cycles_[cycleOfComponent[c]].flows.push_back(FlowId{f});
    }
    parent_.assign(component_.size(), {UINT32_MAX, 0});
    seeded_.assign(component_.size(), false);
    for (Cycle &cycle : g_.cycles_)
      cycle.steps = cycleThrough(startOf(cycle));
  }

  /// The first flow of the component that re-enrols (so the cycle shown is
  /// one that can turn forever), else its first flow.
  FlowId startOf(const Cycle &cycle) const {
    for (FlowId flow : cycle.flows)
      if (program_.flows[flow.value].reenrollAfterSeconds)
        return flow;
    return cycle.flows.front();
  }

  /// A shortest cycle through `start` and at least one other flow of its
  /// component (breadth-first; a flow's own edges back to itself are MAC2002's).
  /// Layer 0 is `start` and the keys it fires; layer 1 everything after the
  /// first other flow, so a key may be reached in both, with other parents.
  std::vector<CycleStep> cycleThrough(FlowId start) {
    const uint32_t s = start.value, c = component_[s];
    std::map<uint32_t, uint32_t> startFires; // key node → first action of `start` firing it
    for (const Firing &firing : g_.firingsOf(start))
      if (component_[flowCount() + firing.key] == c)
        startFires.try_emplace(flowCount() + firing.key, firing.action.value);
    std::vector<uint32_t> visited;
    std::deque<uint32_t> queue;
    auto reach = [&](uint32_t node, uint32_t from, uint32_t via, bool seeded) {
      parent_[node] = {from, via}, seeded_[node] = seeded;
      visited.push_back(node), queue.push_back(node);
    };
    for (const Firing &firing : g_.firingsOf(start)) // in source order
      for (uint32_t i = 0, k = flowCount() + firing.key; i < degree(k); ++i)
        if (uint32_t w = successor(k, i); w != s && component_[w] == c && !isReached(w))
          reach(w, k, i, true);
    std::pair<uint32_t, uint32_t> closing{UINT32_MAX, 0}; // (key node, trigger index)
    while (!queue.empty() && closing.first == UINT32_MAX) {
      uint32_t v = queue.front();
      queue.pop_front();
      for (uint32_t i = 0; i < degree(v) && closing.first == UINT32_MAX; ++i) {
        uint32_t w = successor(v, i);
        if (component_[w] != c || (w != s && isReached(w)))
          continue;
        if (w == s)
          closing = {v, i};       // only keys lead to flows
        else if (v < flowCount()) // a key remembers the firing that reached it
          reach(w, v, g_.firings_[g_.firingStart_[v] + i].action.value, false);
        else // a flow, the trigger
          reach(w, v, i, false);
      }
    }
    std::vector<CycleStep> steps = unwind(closing, s, startFires);
    for (uint32_t v : visited)
      parent_[v] = {UINT32_MAX, 0};
    return steps;
  }

  bool isReached(uint32_t node) const { return parent_[node].first != UINT32_MAX; }

  /// The steps from `start` to `closing`, following the BFS parents back.
  std::vector<CycleStep> unwind(std::pair<uint32_t, uint32_t> closing, uint32_t s,
                                const std::map<uint32_t, uint32_t> &startFires) const {
    std::vector<CycleStep> steps;
    uint32_t key = closing.first;
    TriggerRef into = g_.keys_[key - flowCount()].triggers[closing.second];
    while (true) {
      auto [flow, action] = parent_[key];
      steps.push_back({FlowId{flow}, StmtId{action}, into});
      into = g_.keys_[parent_[flow].first - flowCount()].triggers[parent_[flow].second];
      key = parent_[flow].first;
      if (seeded_[flow]) {
        steps.push_back({FlowId{s}, StmtId{startFires.at(key)}, into});
        break;
      }
    }
    std::reverse(steps.begin(), steps.end());
    return steps;
  }

  const Program &program_;
  TriggerGraph &g_;
  std::unordered_map<std::string, uint32_t> keyIndex_; ///< only looked up, never iterated
  std::unordered_map<uint32_t, uint32_t> tagKeys_, listKeys_, fieldKeys_; ///< see indexByTarget
  std::unordered_set<uint32_t> valuedFields_; ///< fields with some `field_changed F to v` key
  std::map<uint32_t, std::vector<uint32_t>> numericKeys_; ///< field → numeric valued keys
  std::vector<uint32_t> component_;
  std::vector<uint32_t> flowsPerComponent_;
  std::vector<std::pair<uint32_t, uint32_t>> parent_; ///< BFS: (node, action or trigger index)
  std::vector<bool> seeded_; ///< BFS: a flow reached straight from the start flow
};

std::unique_ptr<TriggerGraph> TriggerGraph::build(const Program &program,
                                                  const std::function<bool(StmtId)> &canFire) {
  auto graph = std::make_unique<TriggerGraph>();
  GraphBuilder(program, *graph).run(canFire);
  return graph;
}

std::unique_ptr<TriggerGraph> TriggerGraph::compute(CheckContext &ctx) {
  const FlowPaths &paths = ctx.get<FlowPaths>();
  return build(ctx.program(), [&](StmtId id) { return paths.changeCanBeReal(id); });
}

std::span<const Firing> TriggerGraph::firingsOf(FlowId flow) const {
  return std::span<const Firing>(firings_.data() + firingStart_[flow.value],
                                 firingStart_[flow.value + 1] - firingStart_[flow.value]);
}

bool TriggerGraph::startsOn(FlowId flow, uint32_t key) const {
  const std::vector<TriggerRef> &refs = keys_[key].triggers;
  auto it = std::lower_bound(refs.begin(), refs.end(), flow,
                             [](const TriggerRef &ref, FlowId f) { return ref.flow < f; });
  return it != refs.end() && it->flow == flow;
}

bool TriggerGraph::keysOverlap(uint32_t a, uint32_t b) const {
  return a == b || (keys_[a].group == keys_[b].group && (!keys_[a].valued || !keys_[b].valued));
}

} // namespace mac::analyzer
