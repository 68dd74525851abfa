// Loading a bundle: find its files (a directory with bundle.flow, or one
// file), read and parse each, then follow `use` to stdlib modules and shared
// files. A `use` cycle is MAC0007; a missing module or file is MAC0003.
// Problems with the command's own path are llvm::Errors (exit 2).
#pragma once

#include "compiler/ast/ast.h"
#include "compiler/diag/engine.h"
#include "compiler/syntax/parse.h"

#include <llvm/Support/Error.h>

#include <memory>
#include <string>
#include <vector>

namespace mac::sema {

struct LoadedFile {
  std::unique_ptr<ast::File> ast;
  std::string realPath;
  bool stdlib = false;
};

struct LoadedBundle {
  std::string root;          ///< the bundle directory
  bool singleFile = false;   ///< a single .flow file given as the bundle
  std::vector<LoadedFile> files; ///< bundle files in path order, then used files
};

/// Loads the bundle at `path` (a directory holding bundle.flow, or a file).
llvm::Expected<LoadedBundle> loadBundle(const std::string &path, SourceManager &sources,
                                        diag::Engine &diags,
                                        const syntax::ParseLimits &limits = {});

} // namespace mac::sema
