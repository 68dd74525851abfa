// Pairs of flows that start on the same trigger (MAC2003, MAC2202). Flows are
// grouped by trigger kind and target (TriggerGraph::groups), so only flows of
// one group are ever compared: the work is near-linear in the bundle, plus the
// pairs a check has something to say about.
#pragma once

#include "analyzer/trigger_graph.h"

namespace mac::analyzer {

/// Every trigger of every key of one group, in key order.
inline std::vector<TriggerRef> groupEntries(const TriggerGraph &graph, uint32_t group) {
  std::vector<TriggerRef> entries;
  for (uint32_t key : graph.groups()[group])
    for (const TriggerRef &ref : graph.keys()[key].triggers)
      entries.push_back(ref);
  return entries;
}

/// Calls `visit(first, second)` for every pair of `items` (each with a
/// TriggerRef `entry`) of two different flows whose triggers one change of
/// the contact can fire together; `first` is the flow declared first.
template <class Item, class Visit>
void forEachSameTriggerPair(const TriggerGraph &graph, const std::vector<Item> &items,
                            Visit &&visit) {
  for (size_t i = 0; i < items.size(); ++i)
    for (size_t j = i + 1; j < items.size(); ++j) {
      const Item *a = &items[i], *b = &items[j];
      if (a->entry.flow == b->entry.flow ||
          !graph.keysOverlap(graph.keyOf(a->entry), graph.keyOf(b->entry)))
        continue;
      if (b->entry.flow < a->entry.flow)
        std::swap(a, b);
      visit(*a, *b);
    }
}

} // namespace mac::analyzer
