// The abstract state of the path analysis: fact maps, field domains, value
// keys, and the join of two states.
#include "analyzer/path_state.h"

#include <fmt/format.h>

#include <algorithm>

namespace mac::analyzer {

using namespace sema;

template <class V> const V *FactMap<V>::find(uint32_t key) const {
  auto it = std::lower_bound(entries_.begin(), entries_.end(), key,
                             [](const auto &entry, uint32_t k) { return entry.first < k; });
  return it != entries_.end() && it->first == key ? &it->second : nullptr;
}

template <class V> V &FactMap<V>::operator[](uint32_t key) {
  auto it = std::lower_bound(entries_.begin(), entries_.end(), key,
                             [](const auto &entry, uint32_t k) { return entry.first < k; });
  if (it == entries_.end() || it->first != key)
    it = entries_.insert(it, {key, V{}});
  return it->second;
}

template <class V> void FactMap<V>::intersect(const FactMap &other) {
  std::erase_if(entries_, [&](const auto &entry) {
    const V *theirs = other.find(entry.first);
    return !theirs || !(*theirs == entry.second);
  });
}

template class FactMap<FieldFacts>;
template class FactMap<bool>;

FieldFacts &PathState::field(const Program &program, FieldId id) {
  if (FieldFacts *known = fields.find(id.value))
    return *known;
  FieldFacts &facts = fields[id.value];
  const Field &declared = program.field(id);
  if (declared.type == FieldType::Enum || declared.type == FieldType::Bool) {
    facts.bounded = true;
    facts.oneOf = declared.type == FieldType::Bool ? std::vector<std::string>{"false", "true"}
                                                   : declared.enumValues;
    if (declared.optional)
      facts.oneOf.push_back("");
    std::sort(facts.oneOf.begin(), facts.oneOf.end());
    facts.oneOf.erase(std::unique(facts.oneOf.begin(), facts.oneOf.end()), facts.oneOf.end());
  }
  if (!declared.optional)
    facts.set = Tri::True;
  return facts;
}

void PathState::forgetContact() {
  fields.clear();
  tags.clear();
  lists.clear();
  segments.clear();
  flags.clear();
}

std::string valueKey(const Value &value) {
  switch (value.kind) {
  case ast::LiteralKind::Bool:
    return value.boolean ? "true" : "false";
  case ast::LiteralKind::Number:
    return fmt::format("{}", value.number);
  default:
    return value.text;
  }
}

namespace {

std::vector<std::string> sortedUnion(const std::vector<std::string> &a,
                                     const std::vector<std::string> &b) {
  std::vector<std::string> out;
  std::set_union(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
  return out;
}

std::vector<std::string> sortedIntersection(const std::vector<std::string> &a,
                                            const std::vector<std::string> &b) {
  std::vector<std::string> out;
  std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
  return out;
}

FieldFacts joinField(const FieldFacts &a, const FieldFacts &b) {
  FieldFacts out;
  out.bounded = a.bounded && b.bounded;
  if (out.bounded)
    out.oneOf = sortedUnion(a.oneOf, b.oneOf);
  out.noneOf = sortedIntersection(a.noneOf, b.noneOf);
  if (a.low < b.low || (a.low == b.low && !a.lowOpen))
    out.low = a.low, out.lowOpen = a.lowOpen;
  else
    out.low = b.low, out.lowOpen = b.lowOpen;
  if (a.high > b.high || (a.high == b.high && !a.highOpen))
    out.high = a.high, out.highOpen = a.highOpen;
  else
    out.high = b.high, out.highOpen = b.highOpen;
  out.set = a.set == b.set ? a.set : Tri::Unknown;
  return out;
}

/// `a = joinField(a, b)`, in place; equal value lists (the usual case) are
/// neither copied nor merged.
void joinFieldInto(FieldFacts &a, const FieldFacts &b) {
  bool bounded = a.bounded && b.bounded;
  if (!bounded)
    a.oneOf.clear();
  else if (a.oneOf != b.oneOf)
    a.oneOf = sortedUnion(a.oneOf, b.oneOf);
  a.bounded = bounded;
  if (a.noneOf != b.noneOf)
    a.noneOf = sortedIntersection(a.noneOf, b.noneOf);
  if (!(a.low < b.low || (a.low == b.low && !a.lowOpen)))
    a.low = b.low, a.lowOpen = b.lowOpen;
  if (!(a.high > b.high || (a.high == b.high && !a.highOpen)))
    a.high = b.high, a.highOpen = b.highOpen;
  a.set = a.set == b.set ? a.set : Tri::Unknown;
}

ConsentKnowledge joinConsent(const ConsentKnowledge &a, const ConsentKnowledge &b) {
  if (a.fact == b.fact)
    return a;
  auto granted = [](ConsentFact f) { return f == ConsentFact::Fresh || f == ConsentFact::Stale; };
  if (granted(a.fact) && granted(b.fact))
    return a.fact == ConsentFact::Stale ? a : b;
  return ConsentKnowledge{ConsentFact::Unknown, a.checkedAt, a.waitedAt};
}

} // namespace

void joinInto(PathState &a, const PathState &b) {
  auto &fields = a.fields.entries(); // keeps the fields both know, joined, in order
  size_t kept = 0;
  for (size_t i = 0; i < fields.size(); ++i)
    if (const FieldFacts *theirs = b.fields.find(fields[i].first)) {
      joinFieldInto(fields[i].second, *theirs);
      if (kept != i)
        fields[kept] = std::move(fields[i]);
      ++kept;
    }
  fields.erase(fields.begin() + static_cast<std::ptrdiff_t>(kept), fields.end());
  a.tags.intersect(b.tags);
  a.lists.intersect(b.lists);
  a.segments.intersect(b.segments);
  a.flags.intersect(b.flags);
  for (size_t c = 0; c < a.consent.size(); ++c)
    a.consent[c] = joinConsent(a.consent[c], b.consent[c]);
  for (const auto &sent : b.sentSinceWait)
    if (std::none_of(a.sentSinceWait.begin(), a.sentSinceWait.end(),
                     [&](const auto &own) { return own.first == sent.first; }))
      a.sentSinceWait.push_back(sent);
}

PathState join(const PathState &a, const PathState &b) {
  PathState out;
  for (const auto &[id, facts] : a.fields.entries())
    if (const FieldFacts *theirs = b.fields.find(id))
      out.fields[id] = joinField(facts, *theirs);
  out.tags = a.tags, out.tags.intersect(b.tags);
  out.lists = a.lists, out.lists.intersect(b.lists);
  out.segments = a.segments, out.segments.intersect(b.segments);
  out.flags = a.flags, out.flags.intersect(b.flags);
  for (size_t c = 0; c < out.consent.size(); ++c)
    out.consent[c] = joinConsent(a.consent[c], b.consent[c]);
  out.sentSinceWait = a.sentSinceWait;
  for (const auto &sent : b.sentSinceWait)
    if (std::none_of(out.sentSinceWait.begin(), out.sentSinceWait.end(),
                     [&](const auto &mine) { return mine.first == sent.first; }))
      out.sentSinceWait.push_back(sent);
  return out;
}

} // namespace mac::analyzer
