// `mac mask`: the optional bundle's data model, then contacts::maskFile into
// the output (written only when the whole file could be masked).
#include "compiler/driver/mask_command.h"

#include "compiler/driver/check_command.h"
#include "compiler/driver/seed_data_command.h"
#include "contacts/mask.h"

#include <llvm/Support/WithColor.h>

namespace mac::driver {

int runMask(const MaskCommandOptions &options) {
  if (options.salt.empty()) {
    llvm::WithColor::error(llvm::errs(), "mac")
        << "mask needs --salt: the same salt masks the same value alike across exports\n";
    return 2;
  }
  SourceManager sources;
  std::unique_ptr<sema::Program> program;
  if (options.bundle) {
    int status = 0;
    program = loadDataModel(*options.bundle, sources, status);
    if (!program)
      return status;
  }
  contacts::MaskOptions mask;
  mask.salt = options.salt;
  mask.program = program.get();
  diag::Engine diags;
  int status = 0;
  writeOutput(options.out, [&](llvm::raw_ostream &out) {
    llvm::Expected<size_t> errors = contacts::maskFile(options.contacts, mask, sources, diags, out);
    if (!errors) {
      status = reportUsageError(llvm::toString(errors.takeError()));
      return false;
    }
    status = *errors ? 1 : 0;
    return *errors == 0;
  });
  printDiagnostics(OutputFormat::Text, diags, sources, false, llvm::errs());
  return status ? status : (diags.hasErrors() ? 1 : 0);
}

} // namespace mac::driver
