// `mac diff`: load both sides through the checking pipeline, compare them,
// run the version gate and render. A side with errors is reported like
// `mac check` would and nothing is compared.
#include "compiler/driver/diff_command.h"

#include "changes/compare.h"
#include "changes/render.h"
#include "changes/version_gate.h"
#include "compiler/driver/check_command.h"
#include "compiler/driver/checked_bundle.h"

#include <llvm/Support/WithColor.h>
#include <llvm/Support/raw_ostream.h>

namespace mac::driver {

int runDiff(const DiffOptions &options) {
  CheckedBundle before, after;
  int oldStatus = loadCheckedBundle(options.oldSpec, before, options.color, "diff");
  if (oldStatus == 2)
    return 2;
  int newStatus = loadCheckedBundle(options.newSpec, after, options.color, "diff");
  if (newStatus == 2)
    return 2;
  if (oldStatus || newStatus)
    return 1;

  changes::ChangeSet changes =
      changes::compare(*before.program, before.sources, *after.program, after.sources);
  diag::Engine gateDiags;
  changes::GateResult gate =
      changes::checkVersion(changes, before.program->bundle, after.program->bundle, after.sources,
                            before.source.label, gateDiags);

  changes::DiffReport report{changes, before.source.label, after.source.label, gate};
  switch (options.format) {
  case DiffFormat::Text:
    changes::renderText(report, llvm::outs());
    break;
  case DiffFormat::Markdown: {
    const sema::Bundle &bundle = after.program->bundle;
    std::string version = bundle.version.empty() ? after.source.label : bundle.version;
    std::string title = bundle.release.empty() ? version : bundle.release + "-" + version;
    changes::renderMarkdownEntry(changes, {title, ""}, llvm::outs());
    break;
  }
  case DiffFormat::Json:
    changes::renderJson(report, llvm::outs());
    break;
  }
  llvm::outs().flush();
  if (!gate.passed()) {
    printDiagnostics(OutputFormat::Text, gateDiags, after.sources, options.color, llvm::errs());
    return 1;
  }
  return 0;
}

} // namespace mac::driver
