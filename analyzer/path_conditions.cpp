// Narrowing path states by conditions, and the effects of actions. The
// recursion follows the condition tree, whose depth the parser bounds
// (MAC0006), so it cannot overflow the stack.
#include "analyzer/path_conditions.h"

#include <algorithm>

namespace mac::analyzer {

using namespace sema;

void capStates(PathStates &states) {
  if (states.size() <= kMaxPathStates)
    return;
  PathState merged = std::move(states.front());
  for (size_t i = 1; i < states.size(); ++i)
    joinInto(merged, states[i]);
  states.assign(1, std::move(merged));
}

namespace {

bool contains(const std::vector<std::string> &sorted, const std::string &key) {
  return std::binary_search(sorted.begin(), sorted.end(), key);
}

void insertSorted(std::vector<std::string> &sorted, const std::string &key) {
  auto it = std::lower_bound(sorted.begin(), sorted.end(), key);
  if (it == sorted.end() || *it != key)
    sorted.insert(it, key);
}

/// Drops the bounded values that the other facts exclude; false when none is left.
bool normalize(FieldFacts &facts, bool isNumber) {
  if (facts.low > facts.high || (facts.low == facts.high && (facts.lowOpen || facts.highOpen)))
    return false;
  if (!facts.bounded)
    return true;
  std::erase_if(facts.oneOf, [&](const std::string &key) {
    if (contains(facts.noneOf, key) || (key.empty() && facts.set == Tri::True) ||
        (!key.empty() && facts.set == Tri::False))
      return true;
    if (!isNumber || key.empty())
      return false;
    double v = std::strtod(key.c_str(), nullptr);
    return v < facts.low || v > facts.high || (v == facts.low && facts.lowOpen) ||
           (v == facts.high && facts.highOpen);
  });
  if (facts.oneOf.empty())
    return false;
  if (std::none_of(facts.oneOf.begin(), facts.oneOf.end(), [](auto &k) { return k.empty(); }))
    facts.set = Tri::True;
  return true;
}

/// Values remembered as excluded for a field whose values are not bounded.
/// Every branch copies its state, so an `else if x == 1 … else if x == N`
/// chain with unbounded lists would take time quadratic in N (minutes for a
/// few thousand branches); forgetting further exclusions is sound, only less
/// precise.
constexpr size_t kMaxExcludedValues = 64;

/// Narrows to "the value is one of `keys`" (truth) or "is none of them".
void narrowValues(FieldFacts &facts, std::vector<std::string> keys, bool truth) {
  std::sort(keys.begin(), keys.end());
  if (!truth) {
    for (const std::string &key : keys)
      if (facts.bounded || facts.noneOf.size() < kMaxExcludedValues)
        insertSorted(facts.noneOf, key);
    return;
  }
  facts.oneOf = facts.bounded ? [&] {
    std::vector<std::string> out;
    std::set_intersection(facts.oneOf.begin(), facts.oneOf.end(), keys.begin(), keys.end(),
                          std::back_inserter(out));
    return out;
  }()
                              : keys;
  facts.bounded = true;
}

/// Narrows a number interval by `field OP v` having the value `truth`.
void narrowInterval(FieldFacts &facts, CompareOp op, double v, bool truth) {
  if (!truth) // not (x < v) is x >= v, and so on
    op = op == CompareOp::Lt   ? CompareOp::Ge
         : op == CompareOp::Le ? CompareOp::Gt
         : op == CompareOp::Gt ? CompareOp::Le
                               : CompareOp::Lt;
  auto raiseLow = [&](double low, bool open) {
    if (low > facts.low || (low == facts.low && open))
      facts.low = low, facts.lowOpen = open;
  };
  auto lowerHigh = [&](double high, bool open) {
    if (high < facts.high || (high == facts.high && open))
      facts.high = high, facts.highOpen = open;
  };
  switch (op) {
  case CompareOp::Lt:
    lowerHigh(v, true);
    break;
  case CompareOp::Le:
    lowerHigh(v, false);
    break;
  case CompareOp::Gt:
    raiseLow(v, true);
    break;
  default:
    raiseLow(v, false);
    break;
  }
  facts.set = Tri::True;
}

/// Narrows to "the value is `value`" (a number pins the interval too).
void narrowToValue(FieldFacts &facts, const Value &value, bool isNumber) {
  narrowValues(facts, {valueKey(value)}, true);
  if (isNumber) {
    narrowInterval(facts, CompareOp::Ge, value.number, true);
    narrowInterval(facts, CompareOp::Le, value.number, true);
  }
}

bool textMatches(CondKind kind, const std::string &value, const std::string &needle) {
  if (kind == CondKind::Contains)
    return value.find(needle) != std::string::npos;
  if (kind == CondKind::StartsWith)
    return value.starts_with(needle);
  return value.ends_with(needle);
}

/// Narrows `state` by a field condition; false when it cannot hold.
bool assumeField(const Program &program, const Cond &cond, bool truth, PathState &state) {
  FieldFacts &facts = state.field(program, cond.field);
  bool isNumber = program.field(cond.field).type == FieldType::Number;
  switch (cond.kind) {
  case CondKind::Compare: {
    if (cond.values.empty())
      return true;
    const Value &value = cond.values.front();
    if (cond.op == CompareOp::Eq || cond.op == CompareOp::Ne) {
      bool equal = truth == (cond.op == CompareOp::Eq);
      if (equal)
        narrowToValue(facts, value, isNumber);
      else
        narrowValues(facts, {valueKey(value)}, false);
      if (isNumber && !equal && facts.low == value.number && facts.high == value.number)
        return false;
    } else if (isNumber) {
      narrowInterval(facts, cond.op, value.number, truth);
    }
    break;
  }
  case CondKind::InValues: {
    std::vector<std::string> keys;
    for (const Value &value : cond.values)
      keys.push_back(valueKey(value));
    narrowValues(facts, std::move(keys), truth);
    break;
  }
  case CondKind::Contains:
  case CondKind::StartsWith:
  case CondKind::EndsWith: {
    if (truth)
      facts.set = facts.set == Tri::False ? Tri::False : Tri::True;
    if (facts.bounded && !cond.values.empty())
      std::erase_if(facts.oneOf, [&](const std::string &key) {
        return textMatches(cond.kind, key, cond.values.front().text) != truth;
      });
    if (truth && facts.set == Tri::False)
      return false;
    break;
  }
  default: { // IsSet, IsEmpty
    Tri wanted = (cond.kind == CondKind::IsSet) == truth ? Tri::True : Tri::False;
    if (facts.set != Tri::Unknown && facts.set != wanted)
      return false;
    facts.set = wanted;
    break;
  }
  }
  return normalize(facts, isNumber);
}

/// Narrows a membership fact (tag, list, segment, flag); false on conflict.
bool assumeMember(FactMap<bool> &facts, uint32_t key, bool truth) {
  if (const bool *known = facts.find(key))
    return *known == truth;
  facts[key] = truth;
  return true;
}

bool assumeConsent(const Cond &cond, bool truth, PathState &state) {
  ConsentKnowledge &consent = state.consentOf(cond.channel);
  if (consent.fact == ConsentFact::Fresh)
    return truth;
  if (consent.fact == ConsentFact::Denied)
    return !truth;
  consent = truth ? ConsentKnowledge{ConsentFact::Fresh, cond.range, {}}
                  : ConsentKnowledge{ConsentFact::Denied, cond.range, {}};
  return true;
}

bool assumeLeaf(const Program &program, const Cond &cond, bool truth, PathState &state) {
  switch (cond.kind) {
  case CondKind::Consent:
    return assumeConsent(cond, truth, state);
  case CondKind::Flag:
    return assumeMember(state.flags, cond.flag.value, truth);
  case CondKind::InList:
    return assumeMember(state.lists, cond.list.value, truth);
  case CondKind::InSegment:
    return assumeMember(state.segments, cond.segment.value, truth);
  case CondKind::HasTag:
    return assumeMember(state.tags, cond.tag.value, truth);
  default:
    return !cond.field || assumeField(program, cond, truth, state);
  }
}

} // namespace

PathStates assume(const Program &program, const PathStates &states, CondId id, bool truth) {
  return assume(program, PathStates(states), id, truth);
}

PathStates assume(const Program &program, PathStates &&states, CondId id, bool truth) {
  const Cond &cond = program.cond(id);
  switch (cond.kind) {
  case CondKind::True:
  case CondKind::False:
    return (cond.kind == CondKind::True) == truth ? std::move(states) : PathStates{};
  case CondKind::Not:
    return cond.children.empty() ? std::move(states)
                                 : assume(program, std::move(states), cond.children[0], !truth);
  case CondKind::And:
  case CondKind::Or: {
    if ((cond.kind == CondKind::And) == truth) { // every child must have the value
      for (CondId child : cond.children)
        states = assume(program, std::move(states), child, truth);
      capStates(states);
      return std::move(states);
    }
    // Some child has the value: one set of states per child (the last child
    // narrows the states themselves).
    PathStates out;
    for (size_t i = 0; i < cond.children.size(); ++i) {
      PathStates narrowed = i + 1 == cond.children.size()
                                ? assume(program, std::move(states), cond.children[i], truth)
                                : assume(program, states, cond.children[i], truth);
      if (out.empty())
        out = std::move(narrowed);
      else
        for (PathState &state : narrowed)
          out.push_back(std::move(state));
    }
    capStates(out);
    return out;
  }
  default:
    std::erase_if(states,
                  [&](PathState &state) { return !assumeLeaf(program, cond, truth, state); });
    return std::move(states);
  }
}

void applyTrigger(const Program &program, const Trigger &trigger, PathState &state) {
  switch (trigger.kind) {
  case TriggerKind::TagAdded:
    if (trigger.tag)
      state.tags[trigger.tag.value] = true;
    break;
  case TriggerKind::ListJoined:
    if (trigger.list)
      state.lists[trigger.list.value] = true;
    break;
  case TriggerKind::FieldChanged:
    if (trigger.field && trigger.value) {
      bool isNumber = program.field(trigger.field).type == FieldType::Number;
      FieldFacts &facts = state.field(program, trigger.field);
      narrowToValue(facts, *trigger.value, isNumber);
      normalize(facts, isNumber);
    }
    break;
  default:
    break;
  }
}

bool actionChanges(const Program &program, const Stmt &stmt, const PathState &state) {
  auto knownMember = [](const FactMap<bool> &facts, uint32_t key, bool value) {
    const bool *known = facts.find(key);
    return known && *known == value;
  };
  switch (stmt.kind) {
  case StmtKind::Set: {
    if (!stmt.field)
      return true;
    const FieldFacts *facts = state.fields.find(stmt.field.value);
    return !(facts && facts->bounded && facts->oneOf.size() == 1 &&
             facts->oneOf.front() == valueKey(stmt.value));
  }
  case StmtKind::Increment:
    return stmt.value.number != 0;
  case StmtKind::AddTag:
  case StmtKind::RemoveTag:
    return !knownMember(state.tags, stmt.target.index, stmt.kind == StmtKind::AddTag);
  case StmtKind::AddToList:
  case StmtKind::RemoveFromList:
    return !knownMember(state.lists, stmt.target.index, stmt.kind == StmtKind::AddToList);
  default:
    return true;
  }
}

void applyAction(const Program &program, const Stmt &stmt, PathState &state) {
  switch (stmt.kind) {
  case StmtKind::Set:
  case StmtKind::Increment: {
    if (!stmt.field)
      return;
    FieldFacts facts;
    bool isNumber = program.field(stmt.field).type == FieldType::Number;
    if (stmt.kind == StmtKind::Set) {
      std::string key = valueKey(stmt.value);
      facts.bounded = true;
      facts.oneOf = {key};
      facts.set = key.empty() ? Tri::False : Tri::True;
      if (isNumber)
        facts.low = facts.high = stmt.value.number;
    } else if (const FieldFacts *old = state.fields.find(stmt.field.value)) {
      facts.low = old->low + stmt.value.number, facts.lowOpen = old->lowOpen;
      facts.high = old->high + stmt.value.number, facts.highOpen = old->highOpen;
      facts.set = Tri::True;
    }
    state.fields[stmt.field.value] = std::move(facts);
    state.segments.clear(); // segment and flag audiences may depend on the field
    state.flags.clear();
    return;
  }
  case StmtKind::AddTag:
  case StmtKind::RemoveTag:
    state.tags[stmt.target.index] = stmt.kind == StmtKind::AddTag;
    return;
  case StmtKind::AddToList:
  case StmtKind::RemoveFromList:
    state.lists[stmt.target.index] = stmt.kind == StmtKind::AddToList;
    state.segments.clear();
    return;
  default:
    return;
  }
}

} // namespace mac::analyzer
