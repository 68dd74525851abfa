// The forward path analysis of every flow (see flow_paths.h). The walk
// recurses over nested blocks, whose depth the parser bounds (MAC0006).
#include "analyzer/flow_paths.h"

#include "analyzer/path_conditions.h"
#include "analyzer/program_queries.h"

#include <algorithm>

namespace mac::analyzer {

using namespace sema;

namespace {
constexpr uint8_t kReachable = 1, kChanges = 2;

/// The states of a flow's entries through one trigger: trigger facts, then
/// every `require` assumed true.
PathStates entryStates(const Program &program, const Flow &flow, size_t trigger) {
  PathStates states(1);
  applyTrigger(program, flow.triggers[trigger], states.front());
  for (CondId filter : flow.enrolmentFilters)
    states = assume(program, states, filter, true);
  return states;
}

bool consentRequiredByPolicy(const std::vector<const PolicyRule *> &rules, Channel channel) {
  return std::any_of(rules.begin(), rules.end(), [&](const PolicyRule *rule) {
    return rule->kind == PolicyKind::RequireConsent && rule->channel == channel;
  });
}
} // namespace

/// Walks one flow and records its findings into a FlowPaths.
class FlowWalker {
public:
  FlowWalker(const Program &program, FlowPaths &out, FlowId id)
      : program_(program), out_(out), id_(id), flow_(program.flows[id.value]),
        policies_(policyRulesInForce(program, flow_)) {}

  void walk() {
    PathStates states;
    std::vector<bool> filterCanHold(flow_.enrolmentFilters.size(), false);
    for (size_t t = 0; t < std::max<size_t>(flow_.triggers.size(), 1); ++t)
      for (PathState &state : enterThrough(t, filterCanHold))
        states.push_back(std::move(state));
    // A `require` that fails after every trigger can never hold.
    for (size_t f = 0; f < filterCanHold.size(); ++f)
      if (!filterCanHold[f]) {
        recordConstant(flow_.enrolmentFilters[f], false);
        break;
      }
    capStates(states);
    if (!states.empty())
      walkBlock(states, flow_.body);
  }

private:
  /// Entry through trigger `t`: reports a `require` that can never hold and
  /// a goal that already holds; returns the states that really enter.
  PathStates enterThrough(size_t t, std::vector<bool> &filterCanHold) {
    PathStates states(1);
    if (t < flow_.triggers.size())
      applyTrigger(program_, flow_.triggers[t], states.front());
    for (size_t f = 0; f < flow_.enrolmentFilters.size() && !states.empty(); ++f) {
      states = assume(program_, states, flow_.enrolmentFilters[f], true);
      filterCanHold[f] = filterCanHold[f] || !states.empty();
    }
    if (t >= flow_.triggers.size())
      return leaveOnGoals(std::move(states));
    for (CondId goal : flow_.goals)
      if (!states.empty() && assume(program_, states, goal, false).empty())
        out_.goalsAtEntry_.push_back({id_, t, goal});
    return leaveOnGoals(std::move(states));
  }

  /// The states in which no goal holds (the contact is still in the flow).
  PathStates leaveOnGoals(PathStates states) {
    for (CondId goal : flow_.goals)
      states = assume(program_, states, goal, false);
    return states;
  }

  void recordConstant(CondId cond, bool value) {
    if (std::none_of(out_.constants_.begin(), out_.constants_.end(),
                     [&](const ConstantCondition &c) { return c.cond == cond; }))
      out_.constants_.push_back({id_, cond, value});
  }

  /// Walks `block` from `states`; returns the states that fall out of its end.
  PathStates walkBlock(PathStates states, const std::vector<StmtId> &block) {
    SourceRange cause;
    DeadReason reason = DeadReason::AfterStop;
    for (StmtId id : block) {
      const Stmt &stmt = program_.stmt(id);
      if (states.empty()) {
        out_.deadCode_.push_back({id_, stmt.range, reason, cause});
        return states;
      }
      out_.stmtFlags_[id.value] |= kReachable;
      states = step(id, stmt, std::move(states));
      if (states.empty()) {
        reason = stmt.kind == StmtKind::Stop ? DeadReason::AfterStop
                 : stmt.kind == StmtKind::If ? DeadReason::AllBranchesStop
                                             : DeadReason::GoalMet;
        cause = stmt.kind == StmtKind::If ? stmt.keywordRange : stmt.range;
      }
    }
    return states;
  }

  PathStates step(StmtId id, const Stmt &stmt, PathStates states) {
    switch (stmt.kind) {
    case StmtKind::If:
      return walkIf(stmt, std::move(states));
    case StmtKind::Stop:
      return {};
    case StmtKind::Send:
      checkSend(id, stmt, states);
      return states;
    case StmtKind::Wait:
    case StmtKind::WaitUntil:
    case StmtKind::WaitEvent:
      for (PathState &state : states)
        afterWait(id, state);
      return leaveOnGoals(std::move(states));
    case StmtKind::Set:
    case StmtKind::Increment:
    case StmtKind::AddTag:
    case StmtKind::RemoveTag:
    case StmtKind::AddToList:
    case StmtKind::RemoveFromList:
      for (PathState &state : states) {
        if (actionChanges(program_, stmt, state))
          out_.stmtFlags_[id.value] |= kChanges;
        applyAction(program_, stmt, state);
      }
      return leaveOnGoals(std::move(states));
    default:
      out_.stmtFlags_[id.value] |= kChanges;
      return states;
    }
  }

  PathStates walkIf(const Stmt &stmt, PathStates incoming) {
    PathStates out;
    SourceRange alwaysTrue;
    for (const Branch &branch : stmt.branches) {
      if (incoming.empty()) {
        out_.deadCode_.push_back({id_, branch.range, DeadReason::EarlierAlwaysTrue, alwaysTrue});
        return out;
      }
      PathStates taken = assume(program_, incoming, branch.condition, true);
      PathStates skipped = assume(program_, incoming, branch.condition, false);
      if (taken.empty())
        recordConstant(branch.condition, false);
      else if (skipped.empty())
        recordConstant(branch.condition, true), alwaysTrue = program_.cond(branch.condition).range;
      if (!taken.empty())
        for (PathState &state : walkBlock(std::move(taken), branch.body))
          out.push_back(std::move(state));
      incoming = std::move(skipped);
    }
    if (stmt.hasElse && incoming.empty() && !stmt.elseBody.empty())
      out_.deadCode_.push_back({id_, program_.stmt(stmt.elseBody.front()).range,
                                DeadReason::EarlierAlwaysTrue, alwaysTrue});
    else if (stmt.hasElse)
      incoming = walkBlock(std::move(incoming), stmt.elseBody);
    for (PathState &state : incoming)
      out.push_back(std::move(state));
    capStates(out);
    return out;
  }

  void checkSend(StmtId id, const Stmt &stmt, PathStates &states) {
    bool duplicate = false;
    for (PathState &state : states) {
      auto &sent = state.sentSinceWait;
      auto earlier = std::find_if(sent.begin(), sent.end(),
                                  [&](const auto &s) { return s.first == stmt.target; });
      if (earlier != sent.end() && !duplicate)
        out_.duplicates_.push_back({id_, earlier->second, id}), duplicate = true;
      else if (earlier == sent.end())
        sent.push_back({stmt.target, id});
    }
    auto channel = sendChannel(stmt);
    if (!channel || !isMarketingSend(program_, stmt) ||
        consentRequiredByPolicy(policies_, *channel))
      return;
    const ConsentKnowledge *stale = nullptr;
    for (const PathState &state : states) {
      const ConsentKnowledge &consent = state.consentOf(*channel);
      if (consent.fact == ConsentFact::Unknown || consent.fact == ConsentFact::Denied) {
        out_.unguarded_.push_back({id_, id, *channel, false, {}, {}});
        return;
      }
      if (consent.fact == ConsentFact::Stale && !stale)
        stale = &consent;
    }
    if (stale)
      out_.unguarded_.push_back({id_, id, *channel, true, stale->checkedAt, stale->waitedAt});
  }

  void afterWait(StmtId wait, PathState &state) {
    state.forgetContact();
    state.sentSinceWait.clear();
    for (ConsentKnowledge &consent : state.consent) {
      if (consent.fact == ConsentFact::Fresh)
        consent.fact = ConsentFact::Stale, consent.waitedAt = wait;
      else if (consent.fact == ConsentFact::Denied)
        consent.fact = ConsentFact::Unknown;
    }
  }

  const Program &program_;
  FlowPaths &out_;
  FlowId id_;
  const Flow &flow_;
  std::vector<const PolicyRule *> policies_;
};

std::unique_ptr<FlowPaths> FlowPaths::compute(CheckContext &ctx) {
  auto paths = std::make_unique<FlowPaths>();
  paths->program_ = &ctx.program();
  paths->stmtFlags_.assign(ctx.program().stmts.size(), 0);
  for (uint32_t i = 0; i < ctx.program().flows.size(); ++i)
    FlowWalker(ctx.program(), *paths, FlowId{i}).walk();
  return paths;
}

bool FlowPaths::reachable(StmtId stmt) const { return stmtFlags_[stmt.value] & kReachable; }

bool FlowPaths::changeCanBeReal(StmtId stmt) const {
  return (stmtFlags_[stmt.value] & (kReachable | kChanges)) == (kReachable | kChanges);
}

bool FlowPaths::entriesCanOverlap(FlowId a, size_t triggerA, FlowId b, size_t triggerB) const {
  const Flow &second = program_->flows[b.value];
  PathStates states = entryStates(*program_, program_->flows[a.value], triggerA);
  for (PathState &state : states)
    applyTrigger(*program_, second.triggers[triggerB], state);
  for (CondId filter : second.enrolmentFilters)
    states = assume(*program_, states, filter, true);
  return !states.empty();
}

} // namespace mac::analyzer
