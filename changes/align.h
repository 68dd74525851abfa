// Alignment of two sequences by a longest common subsequence of their keys:
// what `mac diff` uses to line up the steps of two flow bodies (keyed by
// kind and target) and the branches of two `if`s (keyed by condition).
#pragma once

#include <string>
#include <vector>

namespace mac::changes {

/// One step of an alignment: both sides (a match, or a pair inside the same
/// gap between matches), only the old side (deleted) or only the new (inserted).
struct AlignOp {
  enum Kind { Match, Pair, Delete, Insert } kind;
  int oldIndex = -1, newIndex = -1;
};

/// Aligns `before` with `after` by an LCS of equal keys (ties prefer the
/// earliest old element). Between two matches, the unmatched elements are
/// reported as Delete then Insert, or, with `pairGaps`, paired in order as
/// Pair first. Ops come in the order of both sequences.
std::vector<AlignOp> align(const std::vector<std::string> &before,
                           const std::vector<std::string> &after, bool pairGaps = false);

} // namespace mac::changes
