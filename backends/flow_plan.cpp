// Lowering a flow into its plan graph (see flow_plan.h): build the graph
// bottom-up, one block at a time from its last statement, then renumber it in
// pre-order from the entry, copying shared continuations when a tree is asked
// for. Nesting is bounded by the parser; everything else is iterative.
#include "backends/flow_plan.h"

#include "compiler/base/assert.h"

#include <algorithm>

namespace mac::backend {

using sema::CondKind;

// ---- conditions -----------------------------------------------------------------

std::optional<bool> FlagResolver::flagState(sema::FlagId flag) const {
  if (!model_.flagCanBeOn(env_, flag))
    return false;
  if (model_.flagAlwaysOn(env_, flag))
    return true;
  return std::nullopt;
}

FlagResolver::Resolved FlagResolver::resolve(sema::CondId id) const {
  const sema::Cond &cond = program_.cond(id);
  switch (cond.kind) {
  case CondKind::True:
    return {true, {}};
  case CondKind::False:
    return {false, {}};
  case CondKind::Not: {
    Resolved inner = resolve(cond.children.front());
    if (inner.constant)
      return {!*inner.constant, {}};
    Condition negation = Condition::of(Condition::Op::Not);
    negation.operands.push_back(std::move(inner.condition));
    return {std::nullopt, std::move(negation)};
  }
  case CondKind::And:
  case CondKind::Or: {
    bool isAnd = cond.kind == CondKind::And;
    Condition combined = Condition::of(isAnd ? Condition::Op::And : Condition::Op::Or);
    for (sema::CondId child : cond.children) {
      Resolved operand = resolve(child);
      if (operand.constant) {
        if (*operand.constant != isAnd) // false in an `and`, true in an `or`
          return {!isAnd, {}};
        continue;
      }
      combined.operands.push_back(std::move(operand.condition));
    }
    if (combined.operands.empty())
      return {isAnd, {}};
    if (combined.operands.size() == 1)
      return {std::nullopt, std::move(combined.operands.front())};
    return {std::nullopt, std::move(combined)};
  }
  case CondKind::Flag: {
    if (std::optional<bool> state = flagState(cond.flag))
      return {*state, {}};
    const sema::Flag &flag = program_.flags[cond.flag.value];
    if (!flag.when.isValid())
      return {true, {}};
    Resolved when = resolve(flag.when);
    if (!when.constant)
      when.condition.flag = cond.flag;
    return when;
  }
  default: {
    Condition leaf = Condition::of(Condition::Op::Leaf);
    leaf.leaf = id;
    return {std::nullopt, std::move(leaf)};
  }
  }
}

namespace {

/// Normal form of `condition` (negated when `negated`): DNF when `outerIsOr`,
/// CNF otherwise. Clauses of the outer operator concatenate; the inner
/// operator multiplies them out.
std::optional<std::vector<std::vector<Literal>>>
normalForm(const Condition &condition, bool negated, bool outerIsOr, size_t maxClauses) {
  using Op = Condition::Op;
  if (condition.op == Op::Leaf || condition.op == Op::Audience)
    return std::vector<std::vector<Literal>>{{Literal{&condition, negated}}};
  if (condition.op == Op::Not)
    return normalForm(condition.operands.front(), !negated, outerIsOr, maxClauses);
  bool isOr = (condition.op == Op::Or) != negated; // De Morgan
  std::vector<std::vector<Literal>> result;
  bool first = true;
  for (const Condition &operand : condition.operands) {
    auto clauses = normalForm(operand, negated, outerIsOr, maxClauses);
    if (!clauses)
      return std::nullopt;
    if (isOr == outerIsOr) {
      result.insert(result.end(), clauses->begin(), clauses->end());
    } else if (first) {
      result = std::move(*clauses);
    } else {
      std::vector<std::vector<Literal>> product;
      for (const auto &left : result)
        for (const auto &right : *clauses) {
          product.push_back(left);
          product.back().insert(product.back().end(), right.begin(), right.end());
          if (product.size() > maxClauses)
            return std::nullopt;
        }
      result = std::move(product);
    }
    first = false;
    if (result.size() > maxClauses)
      return std::nullopt;
  }
  return result;
}

} // namespace

std::optional<Dnf> toDnf(const Condition &condition, size_t maxClauses) {
  return normalForm(condition, false, true, maxClauses);
}

std::optional<Cnf> toCnf(const Condition &condition, size_t maxClauses) {
  return normalForm(condition, false, false, maxClauses);
}

// ---- the graph ------------------------------------------------------------------

namespace {

class PlanBuilder {
public:
  PlanBuilder(const sema::Program &program, const analyzer::EnvironmentModel &model,
              sema::EnvId env)
      : program_(program), flags_(program, model, env),
        safeMode_(model.environment(env).safeMode()) {}

  const FlagResolver &flags() const { return flags_; }

  /// The entry of `body` followed by `continuation`.
  NodeIndex lowerBlock(const std::vector<sema::StmtId> &body, NodeIndex continuation) {
    NodeIndex next = continuation;
    for (auto it = body.rbegin(); it != body.rend(); ++it)
      next = lowerStatement(*it, next);
    return next;
  }

  std::vector<PlanNode> takeNodes() { return std::move(nodes_); }

private:
  NodeIndex lowerStatement(sema::StmtId id, NodeIndex next) {
    const sema::Stmt &stmt = program_.stmt(id);
    switch (stmt.kind) {
    case sema::StmtKind::Stop:
      return kEnd;
    case sema::StmtKind::If:
      return lowerIf(id, stmt, next);
    case sema::StmtKind::Send: {
      NodeIndex send = addStep(id, stmt, next);
      if (!safeMode_.isValid())
        return send;
      PlanNode guard;
      guard.kind = PlanNode::Kind::Branch;
      guard.condition = Condition::of(Condition::Op::Audience);
      guard.condition.audience = safeMode_;
      guard.range = stmt.range;
      guard.ifTrue = send;
      guard.ifFalse = next;
      guard.safeModeGuard = true;
      return add(std::move(guard));
    }
    default:
      return addStep(id, stmt, next);
    }
  }

  NodeIndex lowerIf(sema::StmtId id, const sema::Stmt &stmt, NodeIndex next) {
    NodeIndex otherwise = stmt.hasElse ? lowerBlock(stmt.elseBody, next) : next;
    for (auto it = stmt.branches.rbegin(); it != stmt.branches.rend(); ++it) {
      FlagResolver::Resolved condition = flags_.resolve(it->condition);
      if (condition.constant) {
        if (*condition.constant)
          otherwise = lowerBlock(it->body, next);
        continue;
      }
      PlanNode branch;
      branch.kind = PlanNode::Kind::Branch;
      branch.stmt = id;
      branch.condition = std::move(condition.condition);
      branch.range = program_.cond(it->condition).range;
      branch.ifTrue = lowerBlock(it->body, next);
      branch.ifFalse = otherwise;
      otherwise = add(std::move(branch));
    }
    return otherwise;
  }

  NodeIndex addStep(sema::StmtId id, const sema::Stmt &stmt, NodeIndex next) {
    PlanNode step;
    step.stmt = id;
    step.range = stmt.range;
    step.next = next;
    return add(std::move(step));
  }

  NodeIndex add(PlanNode node) {
    nodes_.push_back(std::move(node));
    return static_cast<NodeIndex>(nodes_.size() - 1);
  }

  const sema::Program &program_;
  FlagResolver flags_;
  sema::AssetRef safeMode_;
  std::vector<PlanNode> nodes_;
};

/// Copies the nodes reachable from `entry` in pre-order (true branch first).
/// Without `tree`, each node once; with it, once per path that reaches it.
bool renumber(std::vector<PlanNode> &from, NodeIndex entry, bool tree, size_t maxNodes,
              std::vector<PlanNode> &to, NodeIndex &newEntry) {
  enum Slot : uint8_t { Entry, Next, IfTrue, IfFalse };
  struct Pending {
    NodeIndex source;
    NodeIndex parent;
    Slot slot;
  };
  std::vector<NodeIndex> copied(from.size(), kEnd);
  std::vector<Pending> work{{entry, kEnd, Entry}};
  auto link = [&](const Pending &p, NodeIndex target) {
    if (p.slot == Entry)
      newEntry = target;
    else if (p.slot == Next)
      to[p.parent].next = target;
    else if (p.slot == IfTrue)
      to[p.parent].ifTrue = target;
    else
      to[p.parent].ifFalse = target;
  };
  while (!work.empty()) {
    Pending p = work.back();
    work.pop_back();
    if (p.source == kEnd) {
      link(p, kEnd);
      continue;
    }
    if (!tree && copied[p.source] != kEnd) {
      link(p, copied[p.source]);
      continue;
    }
    if (to.size() >= maxNodes)
      return false;
    NodeIndex index = static_cast<NodeIndex>(to.size());
    to.push_back(from[p.source]);
    to.back().number = index + 1;
    copied[p.source] = index;
    link(p, index);
    const PlanNode &source = from[p.source];
    if (source.kind == PlanNode::Kind::Step) {
      work.push_back({source.next, index, Next});
    } else {
      work.push_back({source.ifFalse, index, IfFalse});
      work.push_back({source.ifTrue, index, IfTrue});
    }
  }
  return true;
}

} // namespace

FlowPlan buildFlowPlan(const sema::Program &program, const analyzer::EnvironmentModel &model,
                       sema::EnvId env, sema::FlowId flowId, const PlanOptions &options) {
  const sema::Flow &flow = program.flows[flowId.value];
  FlowPlan plan;
  plan.flow = flowId;
  PlanBuilder builder(program, model, env);
  for (sema::CondId filter : flow.enrolmentFilters) {
    FlagResolver::Resolved resolved = builder.flags().resolve(filter);
    if (resolved.constant)
      plan.neverEnrols |= !*resolved.constant;
    else
      plan.enrolmentFilters.push_back(std::move(resolved.condition));
  }
  for (sema::CondId goal : flow.goals) {
    FlagResolver::Resolved resolved = builder.flags().resolve(goal);
    if (!resolved.constant)
      plan.goals.push_back(std::move(resolved.condition));
  }
  NodeIndex entry = builder.lowerBlock(flow.body, kEnd);
  std::vector<PlanNode> graph = builder.takeNodes();
  plan.tooLarge = !renumber(graph, entry, options.tree, options.maxNodes, plan.nodes, plan.entry);
  if (plan.tooLarge) {
    plan.nodes.clear();
    plan.entry = kEnd;
  }
  return plan;
}

} // namespace mac::backend
