// The tail comparison both graph importers (Klaviyo actions, SFMC journey
// activities) need to undo the guards `mac build` writes: whether the steps
// from one id on do the same as the steps from another, ids aside. Either
// the same step (a flow whose branches join, as `mac build` writes it) or
// equal copies (a tree-shaped flow copies one continuation into each
// branch). Pairs are compared once each, without recursion, so it stays
// linear on a flow that joins.
#pragma once

#include <set>
#include <string>
#include <utility>
#include <vector>

namespace mac::importer {

using StepPairs = std::vector<std::pair<std::string, std::string>>;

/// `exists(id)` says whether `id` names a step (an empty id ends a path);
/// `sameStep(x, y, next)` compares two steps' own content and, when they are
/// alike, appends the pairs of steps that follow them to `next`.
template <class Exists, class SameStep>
bool sameTail(const std::string &a, const std::string &b, Exists exists, SameStep sameStep) {
  std::set<std::pair<std::string, std::string>> seen;
  StepPairs work{{a, b}};
  while (!work.empty()) {
    auto [x, y] = work.back();
    work.pop_back();
    if (x == y || !seen.insert({x, y}).second)
      continue;
    if (x.empty() || y.empty() || !exists(x) || !exists(y))
      return false; // one path ends (or names no step) and the other goes on
    if (!sameStep(x, y, work))
      return false;
  }
  return true;
}

} // namespace mac::importer
