// What is known about one contact on a set of paths through a flow: the
// abstract state of the path analysis (flow_paths.h). Facts are what holds on
// EVERY path the state stands for; `join` keeps only what both states know,
// so any conclusion drawn from a joined state holds on each path it covers.
// Exceptions are the may-facts (sends since the last wait), joined by union.
#pragma once

#include "compiler/sema/program.h"

#include <array>
#include <limits>
#include <string>
#include <utility>
#include <vector>

namespace mac::analyzer {

enum class Tri : uint8_t { Unknown, True, False };

/// A small sorted map from an entity index to a fact.
template <class V> class FactMap {
public:
  const V *find(uint32_t key) const;
  V *find(uint32_t key) { return const_cast<V *>(std::as_const(*this).find(key)); }
  V &operator[](uint32_t key);
  void clear() { entries_.clear(); }
  /// Keeps the entries both maps hold with equal facts.
  void intersect(const FactMap &other);
  const std::vector<std::pair<uint32_t, V>> &entries() const { return entries_; }
  std::vector<std::pair<uint32_t, V>> &entries() { return entries_; }

private:
  std::vector<std::pair<uint32_t, V>> entries_;
};

/// What is known about one field. Values are compared by their key (see
/// valueKey): the string, `true`/`false`, or the canonical number; the empty
/// key stands for "empty" (an optional field without a value).
struct FieldFacts {
  bool bounded = false;            ///< the value is one of `oneOf`
  std::vector<std::string> oneOf;  ///< sorted; meaningful when `bounded`
  std::vector<std::string> noneOf; ///< sorted: values it certainly is not
  double low = -std::numeric_limits<double>::infinity();
  double high = std::numeric_limits<double>::infinity();
  bool lowOpen = false, highOpen = false; ///< number interval bounds
  Tri set = Tri::Unknown;                 ///< `is set` / `is empty`

  bool operator==(const FieldFacts &) const = default;
};

/// Consent of one channel on the paths.
enum class ConsentFact : uint8_t {
  Unknown, ///< never checked (or not on every path)
  Fresh,   ///< checked and true, no wait since
  Stale,   ///< checked and true, then a wait
  Denied,  ///< checked and false
};
struct ConsentKnowledge {
  ConsentFact fact = ConsentFact::Unknown;
  SourceRange checkedAt; ///< the `require`/`if consent` that established it
  sema::StmtId waitedAt; ///< Stale: the wait that made it stale

  bool operator==(const ConsentKnowledge &o) const { return fact == o.fact; }
};

struct PathState {
  FactMap<FieldFacts> fields;
  FactMap<bool> tags, lists, segments, flags;
  std::array<ConsentKnowledge, 3> consent; ///< by sema::Channel
  /// May-facts: templates sent since the last wait, with the first send.
  std::vector<std::pair<sema::AssetRef, sema::StmtId>> sentSinceWait;

  ConsentKnowledge &consentOf(sema::Channel c) { return consent[static_cast<size_t>(c)]; }
  const ConsentKnowledge &consentOf(sema::Channel c) const {
    return consent[static_cast<size_t>(c)];
  }
  /// The facts of field `id`, created from the field's domain on first use
  /// (an enum's values, `true`/`false`, plus empty when optional).
  FieldFacts &field(const sema::Program &program, sema::FieldId id);
  /// Forgets everything the contact's record may change into (a wait).
  void forgetContact();
};

/// The key a value is compared by: strings as written, `true`/`false`,
/// numbers in their shortest round-trip form.
std::string valueKey(const sema::Value &value);

/// A state that covers both `a` and `b`.
PathState join(const PathState &a, const PathState &b);
/// `a = join(a, b)`, in place.
void joinInto(PathState &a, const PathState &b);

} // namespace mac::analyzer
