// The phases of the compiler, in order, for one bundle. Every command that
// needs a checked Program (check, build, lsp, test…) goes through here.
#pragma once

#include "compiler/diag/engine.h"
#include "compiler/sema/program.h"

#include <llvm/Support/Error.h>

#include <memory>
#include <optional>
#include <string>

namespace mac::driver {

struct PipelineOptions {
  std::optional<std::string> env; ///< `--env`
};

/// Loads, parses and analyses the bundle at `path`, then applies its lint
/// control. Diagnostics are appended to `diags`; an llvm::Error means the
/// path itself could not be used (exit 2).
llvm::Expected<std::unique_ptr<sema::Program>> checkBundle(const std::string &path,
                                                           const PipelineOptions &options,
                                                           SourceManager &sources,
                                                           diag::Engine &diags);

} // namespace mac::driver
