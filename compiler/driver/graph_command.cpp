// `mac graph` — the same pipeline as `mac check`, then the trigger graph of
// the checked Program on stdout. Findings of the analyzer (a trigger loop, a
// missing consent check) do not stop it: the picture is how one looks at a
// loop. Errors of loading, parsing and name resolution do, since the graph of
// a partial Program would be wrong; they go to stderr.
#include "compiler/driver/graph_command.h"

#include "analyzer/check.h"
#include "analyzer/trigger_graph.h"
#include "compiler/diag/consumers.h"
#include "compiler/driver/check_command.h"
#include "compiler/driver/pipeline.h"
#include "compiler/driver/version.h"

#include <llvm/Support/raw_ostream.h>

#include <algorithm>

namespace mac::driver {

namespace {

/// Errors of the phases before the analyzer (MAC0xxx syntax and loading,
/// MAC1xxx names and types): the Program is incomplete.
bool stopsTheGraph(const diag::Diagnostic &d) {
  std::string_view id = diag::ruleInfo(d.code).id;
  return d.severity == diag::Severity::Error && (id.starts_with("MAC0") || id.starts_with("MAC1"));
}

} // namespace

int runGraph(const GraphOptions &options) {
  SourceManager sources;
  diag::Engine diags;
  auto program = checkBundle(options.path, PipelineOptions{options.env}, sources, diags);
  if (!program)
    return reportUsageError(llvm::toString(program.takeError()));
  diags.sortAndDeduplicate(sources);
  const std::vector<diag::Diagnostic> &list = diags.diagnostics();
  if (std::any_of(list.begin(), list.end(), stopsTheGraph)) {
    std::vector<diag::Diagnostic> errors;
    std::copy_if(list.begin(), list.end(), std::back_inserter(errors), stopsTheGraph);
    diag::RenderOptions render;
    render.fileCount = sources.fileCount();
    render.toolVersion = kVersion;
    diag::renderText(errors, sources, render, llvm::errs());
    return 1;
  }

  // The checks ran inside the pipeline; the graph is computed again here over
  // the same Program, into an engine nobody reads.
  diag::Engine unused;
  analyzer::AnalyzerOptions analyzerOptions{options.env};
  analyzer::CheckContext ctx(**program, sources, analyzerOptions, unused);
  llvm::outs() << analyzer::renderGraph(**program, ctx.get<analyzer::TriggerGraph>(),
                                        options.format);
  llvm::outs().flush();
  return 0;
}

} // namespace mac::driver
