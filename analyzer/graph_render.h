// Pictures of the trigger graph for `mac graph`: Graphviz dot and Mermaid
// flowchart text. One node per flow (its display name and triggers), one
// entry node per trigger no action fires (forms, schedules, events nobody
// emits, tags and lists only people or imports add), one edge per (action
// kind, target flow) labelled with the actions, and every flow and edge on a
// loop (a cycle of MAC2001 or a self-retrigger of MAC2002) in red. The output
// follows declaration order, so the same bundle always gives the same text.
#pragma once

#include "analyzer/trigger_graph.h"

#include <string>

namespace mac::analyzer {

enum class GraphFormat : uint8_t { Dot, Mermaid };

/// The trigger graph of `program` as dot or Mermaid text, ending in a newline.
std::string renderGraph(const sema::Program &program, const TriggerGraph &graph,
                        GraphFormat format);

} // namespace mac::analyzer
