// `mac graph`: run the checking pipeline on one bundle and print its trigger
// graph (which flow's action starts which flow) as Graphviz dot or Mermaid.
// Returns the process exit status (LANGUAGE.md §9).
#pragma once

#include "analyzer/graph_render.h"

#include <optional>
#include <string>

namespace mac::driver {

struct GraphOptions {
  std::string path;
  analyzer::GraphFormat format = analyzer::GraphFormat::Dot;
  std::optional<std::string> env;
};

/// Prints the graph to stdout and exits 0; when the bundle does not load or
/// has errors the graph depends on (MAC0xxx, MAC1xxx), prints those
/// diagnostics to stderr and exits 1; a path that cannot be used exits 2.
int runGraph(const GraphOptions &options);

} // namespace mac::driver
