// The forward path analysis of every flow (see flow_paths.h). The walk
// recurses over nested blocks, whose depth the parser bounds (MAC0006).
// Without a memo, chunks of flows are walked in parallel and their findings
// appended in flow order, as one walk would have found them.
#include "analyzer/flow_paths.h"

#include "analyzer/flow_paths_cache.h"
#include "analyzer/path_conditions.h"
#include "analyzer/program_queries.h"

#include <llvm/Support/Parallel.h>
#include <llvm/Support/xxhash.h>

#include <algorithm>
#include <atomic>
#include <optional>

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
    states = assume(program, std::move(states), filter, true);
  return states;
}

bool consentRequiredByPolicy(const std::vector<const PolicyRule *> &rules, Channel channel) {
  return std::any_of(rules.begin(), rules.end(), [&](const PolicyRule *rule) {
    return rule->kind == PolicyKind::RequireConsent && rule->channel == channel;
  });
}
} // namespace

/// Walks one flow and records its findings into a FlowPaths, and its
/// statements' flags into `flags` (by default the same FlowPaths'; flows
/// walked on several threads share one array, each flow its own statements).
class FlowWalker {
public:
  FlowWalker(const Program &program, FlowPaths &out, FlowId id, uint8_t *flags = nullptr)
      : program_(program), out_(out), flags_(flags ? flags : out.stmtFlags_.data()), id_(id),
        flow_(program.flows[id.value]), policies_(policyRulesInForce(program, flow_)) {}

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
      states = assume(program_, std::move(states), flow_.enrolmentFilters[f], true);
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
      states = assume(program_, std::move(states), goal, false);
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
      mark(id, kReachable);
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
          mark(id, kChanges);
        applyAction(program_, stmt, state);
      }
      return leaveOnGoals(std::move(states));
    default:
      mark(id, kChanges);
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
      PathStates skipped = assume(program_, std::move(incoming), branch.condition, false);
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

  /// Sets flag bits of a statement; atomic, as neighbouring flows' statements
  /// may be marked on other threads.
  void mark(StmtId id, uint8_t bits) {
    std::atomic_ref<uint8_t>(flags_[id.value]).fetch_or(bits, std::memory_order_relaxed);
  }

  const Program &program_;
  FlowPaths &out_;
  uint8_t *flags_;
  FlowId id_;
  const Flow &flow_;
  std::vector<const PolicyRule *> policies_;
};

/// The per-flow memo (flow_paths_cache.h): keys, extents, relocation.
class FlowMemo {
public:
  FlowMemo(CheckContext &ctx, FlowPaths &paths, FlowPathsCache &cache)
      : program_(ctx.program()), sources_(ctx.sources()), paths_(paths), cache_(cache),
        bundleKey_(bundleKey(ctx)) {}

  /// False when the bundle's flows cannot be cut out of its text (overlapping
  /// ranges, never expected): then nothing is memoised.
  bool usable() const { return bundleKey_.has_value(); }

  /// Replays every flow's facts from the memo, or walks it and memoises
  /// them. The flows to walk are walked on every core, each into its own
  /// findings, which are then added in flow order: what one walk over every
  /// flow would have recorded (a condition found constant by several flows
  /// is recorded once, by the first).
  void runAll() {
    const size_t flows = program_.flows.size();
    std::vector<Plan> plans(flows);
    // Keys on every core (each copies its flow's text); lookups in order.
    llvm::parallelForEachN(0, flows, [&](size_t i) {
      Plan &plan = plans[i];
      const Flow &flow = program_.flows[i];
      plan.extent = extentOf(flow);
      if (!plan.extent)
        return;
      plan.key = *bundleKey_;
      uint32_t sizes[3] = {flow.range.file.value, plan.extent->stmtCount, plan.extent->condCount};
      plan.key.append(reinterpret_cast<const char *>(sizes), sizeof sizes);
      plan.key += sources_.text(flow.range.file)
                      .substr(flow.range.begin, flow.range.end - flow.range.begin);
    });
    std::vector<uint32_t> toWalk;
    for (uint32_t i = 0; i < flows; ++i) {
      Plan &plan = plans[i];
      if (plan.extent)
        plan.entry = cache_.find(plan.key);
      if (!plan.entry)
        toWalk.push_back(i);
    }
    std::vector<FlowPaths> walked(toWalk.size());
    llvm::parallelForEachN(0, toWalk.size(), [&](size_t w) {
      FlowWalker(program_, walked[w], FlowId{toWalk[w]}, paths_.stmtFlags_.data()).walk();
    });
    std::vector<bool> constant(program_.conds.size(), false);
    for (uint32_t i = 0, w = 0; i < flows; ++i) {
      Plan &plan = plans[i];
      size_t marks[5] = {paths_.deadCode_.size(), paths_.constants_.size(),
                         paths_.goalsAtEntry_.size(), paths_.duplicates_.size(),
                         paths_.unguarded_.size()};
      if (plan.entry) {
        replay(*plan.entry, FlowId{i}, *plan.extent);
        paths_.dropRepeatedConstants(marks[1], constant);
        paths_.identities_[i] = plan.entry->identity;
        continue;
      }
      paths_.absorb(walked[w++], constant);
      if (plan.extent)
        if (std::optional<FlowPathsCache::Entry> entry = extract(marks, *plan.extent))
          paths_.identities_[i] = cache_.store(std::move(plan.key), std::move(*entry));
    }
  }

private:
  /// Where a flow's own statements, conditions and bytes are.
  struct Extent {
    uint32_t stmtBegin = 0, stmtCount = 0, condBegin = 0, condCount = 0;
    SourceRange range;
  };

  /// What runAll does with one flow.
  struct Plan {
    std::optional<Extent> extent; ///< none: the flow is walked, never memoised
    std::string key;
    const FlowPathsCache::Entry *entry = nullptr; ///< found: replayed
  };

  /// The hash of every file's path and text with the flows cut out, and `--env`.
  static std::optional<std::string> bundleKey(CheckContext &ctx) {
    std::vector<std::vector<std::pair<uint32_t, uint32_t>>> cuts(ctx.sources().fileCount());
    for (const Flow &flow : ctx.program().flows)
      if (flow.range.isValid() && flow.range.file.value < cuts.size())
        cuts[flow.range.file.value].push_back({flow.range.begin, flow.range.end});
    std::string all = ctx.options().env ? "env " + *ctx.options().env : "no env";
    all += '\0';
    for (uint32_t f = 0; f < cuts.size(); ++f) {
      std::string_view text = ctx.sources().text(FileId{f});
      all += ctx.sources().realPath(FileId{f});
      all += '\0';
      std::sort(cuts[f].begin(), cuts[f].end());
      uint32_t at = 0;
      for (auto [begin, end] : cuts[f]) {
        if (begin < at || end > text.size())
          return std::nullopt;
        all += text.substr(at, begin - at);
        all += '\x01'; // a flow was here
        at = end;
      }
      all += text.substr(at);
      all += '\0';
    }
    uint64_t hash = llvm::xxHash64(all);
    return std::string(reinterpret_cast<const char *>(&hash), sizeof hash) +
           std::to_string(all.size());
  }

  /// The flow's statements and conditions, when each is one contiguous run.
  std::optional<Extent> extentOf(const Flow &flow) const {
    if (!flow.range.isValid())
      return std::nullopt;
    std::vector<uint32_t> stmts, conds;
    std::vector<CondId> pending(flow.goals.begin(), flow.goals.end());
    pending.insert(pending.end(), flow.enrolmentFilters.begin(), flow.enrolmentFilters.end());
    forEachStatement(program_, flow.body, [&](StmtId id, const Stmt &stmt) {
      stmts.push_back(id.value);
      for (const Branch &branch : stmt.branches)
        pending.push_back(branch.condition);
    });
    while (!pending.empty()) {
      CondId cond = pending.back();
      pending.pop_back();
      if (!cond.isValid())
        continue;
      conds.push_back(cond.value);
      for (CondId child : program_.cond(cond).children)
        pending.push_back(child);
    }
    Extent extent;
    extent.range = flow.range;
    if (!contiguous(stmts, extent.stmtBegin, extent.stmtCount) ||
        !contiguous(conds, extent.condBegin, extent.condCount))
      return std::nullopt;
    return extent;
  }

  static bool contiguous(std::vector<uint32_t> &ids, uint32_t &begin, uint32_t &count) {
    std::sort(ids.begin(), ids.end());
    if (std::adjacent_find(ids.begin(), ids.end()) != ids.end())
      return false;
    begin = ids.empty() ? 0 : ids.front();
    count = static_cast<uint32_t>(ids.size());
    return ids.empty() || ids.back() - ids.front() + 1 == ids.size();
  }

  // Relocation: absolute ids and ranges to ones relative to the flow (false
  // when they lie outside it), and back.
  static bool toRelative(const Extent &e, StmtId &id) {
    if (!id.isValid())
      return true;
    if (id.value < e.stmtBegin || id.value - e.stmtBegin >= e.stmtCount)
      return false;
    id.value -= e.stmtBegin;
    return true;
  }
  static bool toRelative(const Extent &e, CondId &id) {
    if (!id.isValid())
      return true;
    if (id.value < e.condBegin || id.value - e.condBegin >= e.condCount)
      return false;
    id.value -= e.condBegin;
    return true;
  }
  static bool toRelative(const Extent &e, SourceRange &range) {
    if (!range.isValid())
      return true;
    if (!e.range.contains(range))
      return false;
    range.begin -= e.range.begin, range.end -= e.range.begin;
    return true;
  }
  static void toAbsolute(const Extent &e, StmtId &id) {
    if (id.isValid())
      id.value += e.stmtBegin;
  }
  static void toAbsolute(const Extent &e, CondId &id) {
    if (id.isValid())
      id.value += e.condBegin;
  }
  static void toAbsolute(const Extent &e, SourceRange &range) {
    if (range.isValid())
      range.begin += e.range.begin, range.end += e.range.begin;
  }

  /// The facts the walk just added for one flow, relative to it.
  std::optional<FlowPathsCache::Entry> extract(const size_t (&marks)[5], const Extent &e) const {
    FlowPathsCache::Entry entry;
    auto stmtFlags = paths_.stmtFlags_.begin() + e.stmtBegin;
    entry.stmtFlags.assign(stmtFlags, stmtFlags + e.stmtCount);
    bool inside = true;
    for (size_t i = marks[0]; i < paths_.deadCode_.size(); ++i) {
      DeadCode dead = paths_.deadCode_[i];
      inside = inside && toRelative(e, dead.range) && toRelative(e, dead.cause);
      entry.deadCode.push_back(dead);
    }
    for (size_t i = marks[1]; i < paths_.constants_.size(); ++i) {
      ConstantCondition constant = paths_.constants_[i];
      inside = inside && toRelative(e, constant.cond);
      entry.constants.push_back(constant);
    }
    for (size_t i = marks[2]; i < paths_.goalsAtEntry_.size(); ++i) {
      GoalAtEntry goal = paths_.goalsAtEntry_[i];
      inside = inside && toRelative(e, goal.goal);
      entry.goalsAtEntry.push_back(goal);
    }
    for (size_t i = marks[3]; i < paths_.duplicates_.size(); ++i) {
      DuplicateSend duplicate = paths_.duplicates_[i];
      inside = inside && toRelative(e, duplicate.first) && toRelative(e, duplicate.second);
      entry.duplicates.push_back(duplicate);
    }
    for (size_t i = marks[4]; i < paths_.unguarded_.size(); ++i) {
      UnguardedSend send = paths_.unguarded_[i];
      inside = inside && toRelative(e, send.send) && toRelative(e, send.checkedAt) &&
               toRelative(e, send.waitedAt);
      entry.unguarded.push_back(send);
    }
    if (!inside)
      return std::nullopt;
    return entry;
  }

  /// Adds a memoised flow's facts, relocated, as its walk would have.
  void replay(const FlowPathsCache::Entry &entry, FlowId id, const Extent &e) {
    std::copy(entry.stmtFlags.begin(), entry.stmtFlags.end(),
              paths_.stmtFlags_.begin() + e.stmtBegin);
    for (DeadCode dead : entry.deadCode) {
      dead.flow = id;
      toAbsolute(e, dead.range), toAbsolute(e, dead.cause);
      paths_.deadCode_.push_back(dead);
    }
    for (ConstantCondition constant : entry.constants) {
      constant.flow = id;
      toAbsolute(e, constant.cond);
      paths_.constants_.push_back(constant);
    }
    for (GoalAtEntry goal : entry.goalsAtEntry) {
      goal.flow = id;
      toAbsolute(e, goal.goal);
      paths_.goalsAtEntry_.push_back(goal);
    }
    for (DuplicateSend duplicate : entry.duplicates) {
      duplicate.flow = id;
      toAbsolute(e, duplicate.first), toAbsolute(e, duplicate.second);
      paths_.duplicates_.push_back(duplicate);
    }
    for (UnguardedSend send : entry.unguarded) {
      send.flow = id;
      toAbsolute(e, send.send), toAbsolute(e, send.checkedAt), toAbsolute(e, send.waitedAt);
      paths_.unguarded_.push_back(send);
    }
  }

  const Program &program_;
  const SourceManager &sources_;
  FlowPaths &paths_;
  FlowPathsCache &cache_;
  std::optional<std::string> bundleKey_;
};

std::unique_ptr<FlowPaths> FlowPaths::compute(CheckContext &ctx) {
  auto paths = std::make_unique<FlowPaths>();
  paths->program_ = &ctx.program();
  paths->stmtFlags_.assign(ctx.program().stmts.size(), 0);
  FlowPathsCache *cache = ctx.options().flowPathsCache;
  if (!cache) {
    paths->walkInParallel();
    return paths;
  }
  FlowMemo memo(ctx, *paths, *cache);
  paths->identities_.assign(ctx.program().flows.size(), 0);
  if (memo.usable())
    memo.runAll();
  else
    paths->walkInParallel();
  cache->finishRun();
  return paths;
}

void FlowPaths::walkInParallel() {
  const Program &program = *program_;
  const size_t flows = program.flows.size();
  // Chunks of consecutive flows, each walked into its own findings; appended
  // in flow order they are what one walk over every flow would have found.
  constexpr size_t kFlowsPerChunk = 32;
  const size_t chunks = (flows + kFlowsPerChunk - 1) / kFlowsPerChunk;
  if (chunks < 2) {
    for (uint32_t i = 0; i < flows; ++i)
      FlowWalker(program, *this, FlowId{i}).walk();
    return;
  }
  std::vector<FlowPaths> parts(chunks);
  llvm::parallelForEachN(0, chunks, [&](size_t c) {
    size_t end = std::min(flows, (c + 1) * kFlowsPerChunk);
    for (size_t i = c * kFlowsPerChunk; i < end; ++i)
      FlowWalker(program, parts[c], FlowId{static_cast<uint32_t>(i)}, stmtFlags_.data()).walk();
  });
  std::vector<bool> constant(program.conds.size(), false);
  for (FlowPaths &part : parts)
    absorb(part, constant);
}

void FlowPaths::absorb(FlowPaths &walked, std::vector<bool> &constantSeen) {
  auto move = [](auto &to, auto &from) {
    to.insert(to.end(), std::make_move_iterator(from.begin()), std::make_move_iterator(from.end()));
  };
  size_t firstConstant = constants_.size();
  move(deadCode_, walked.deadCode_);
  move(constants_, walked.constants_);
  move(goalsAtEntry_, walked.goalsAtEntry_);
  move(duplicates_, walked.duplicates_);
  move(unguarded_, walked.unguarded_);
  dropRepeatedConstants(firstConstant, constantSeen);
}

void FlowPaths::dropRepeatedConstants(size_t from, std::vector<bool> &seen) {
  auto kept =
      std::remove_if(constants_.begin() + from, constants_.end(), [&](const ConstantCondition &c) {
        if (c.cond.value >= seen.size() || !seen[c.cond.value]) {
          if (c.cond.value < seen.size())
            seen[c.cond.value] = true;
          return false;
        }
        return true;
      });
  constants_.erase(kept, constants_.end());
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
    states = assume(*program_, std::move(states), filter, true);
  return !states.empty();
}

} // namespace mac::analyzer
