// Loading a bundle: find its files (a directory with bundle.flow, or one
// file), read and parse each, then follow `use` to stdlib modules and shared
// files. A `use` cycle is MAC0007; a missing module or file is MAC0003.
// Then reads every file an email names with `body file "..."` into the
// SourceManager (MAC1009 when it cannot be read, MAC0004/MAC0005 as for
// sources), so that diagnostics inside it point into that file.
// Problems with the command's own path are llvm::Errors (exit 2).
#pragma once

#include "compiler/ast/ast.h"
#include "compiler/diag/engine.h"
#include "compiler/syntax/parse.h"

#include <llvm/Support/Error.h>

#include <map>
#include <memory>
#include <string>
#include <utility>
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
  /// The file read for each `body file "..."` path literal, keyed by the
  /// literal's (file, begin offset); absent when the file could not be read.
  std::map<std::pair<uint32_t, uint32_t>, FileId> bodyFiles;
};

/// Loads the bundle at `path` (a directory holding bundle.flow, or a file).
llvm::Expected<LoadedBundle> loadBundle(const std::string &path, SourceManager &sources,
                                        diag::Engine &diags,
                                        const syntax::ParseLimits &limits = {});

} // namespace mac::sema
