// How conditions and actions change the path states of flow_paths: assuming
// a condition true or false narrows (or splits, for `or`) each state and drops
// the states where it cannot hold; actions overwrite what they change.
#pragma once

#include "analyzer/path_state.h"

#include <vector>

namespace mac::analyzer {

using PathStates = std::vector<PathState>;

/// At most this many states stand for the paths reaching a point; beyond it
/// they are joined into one (sound, less precise).
constexpr size_t kMaxPathStates = 16;

/// Joins `states` into one when there are more than kMaxPathStates.
void capStates(PathStates &states);

/// The states in which `cond` has the value `truth`, narrowed accordingly.
/// An empty result means the condition can never have that value there.
PathStates assume(const sema::Program &program, const PathStates &states, sema::CondId cond,
                  bool truth);
/// The same, narrowing `states` in place (no state is copied unless an `or`
/// splits it).
PathStates assume(const sema::Program &program, PathStates &&states, sema::CondId cond, bool truth);

/// The facts a trigger establishes at entry (`tag_added T` → has tag T, …).
void applyTrigger(const sema::Program &program, const sema::Trigger &trigger, PathState &state);

/// True when executing action `stmt` in `state` can change the contact
/// (and so fire triggers): see FlowPaths::changeCanBeReal.
bool actionChanges(const sema::Program &program, const sema::Stmt &stmt, const PathState &state);

/// Applies the effect of action `stmt` (set, increment, tags, lists) to `state`.
void applyAction(const sema::Program &program, const sema::Stmt &stmt, PathState &state);

} // namespace mac::analyzer
