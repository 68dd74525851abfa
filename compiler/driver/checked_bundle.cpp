// Loading a bundle for a release command (see checked_bundle.h).
#include "compiler/driver/checked_bundle.h"

#include "compiler/driver/check_command.h"
#include "compiler/driver/pipeline.h"

#include <llvm/Support/WithColor.h>
#include <llvm/Support/raw_ostream.h>

namespace mac::driver {

int loadCheckedBundle(const std::string &spec, CheckedBundle &out, bool color,
                      const std::string &command) {
  auto source = release::openBundleSource(spec);
  if (!source)
    return reportUsageError(llvm::toString(source.takeError()));
  out.source = std::move(*source);
  PipelineOptions options;
  options.fs = out.source.fs.get();
  auto program = checkBundle(out.source.path, options, out.sources, out.diags);
  if (!program) {
    llvm::WithColor::error(llvm::errs(), "mac")
        << out.source.label << ": " << llvm::toString(program.takeError()) << "\n";
    return 2;
  }
  out.program = std::move(*program);
  if (out.diags.hasErrors()) {
    llvm::errs() << "mac " << command << ": " << out.source.label
                 << " has errors; nothing was compared\n";
    printDiagnostics(OutputFormat::Text, out.diags, out.sources, color, llvm::errs());
    return 1;
  }
  return 0;
}

} // namespace mac::driver
