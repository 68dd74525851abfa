// Loading a bundle: find its files (a directory with bundle.flow, or one
// file), read and parse each, then follow `use` to stdlib modules and shared
// files. A `use` cycle is MAC0007; a missing module or file is MAC0003.
// Then reads every file an email names with `body file "..."` into the
// SourceManager (MAC1009 when it cannot be read, MAC0004/MAC0005 as for
// sources), so that diagnostics inside it point into that file.
// Problems with the command's own path are llvm::Errors (exit 2).
// Every read goes through an llvm::vfs::FileSystem (the real one by default;
// the LSP passes open editor buffers over the disk), and a ParseCache lets a
// caller keep the ASTs of unchanged files between loads.
#pragma once

#include "compiler/ast/ast.h"
#include "compiler/diag/engine.h"
#include "compiler/syntax/parse.h"

#include <llvm/Support/Error.h>
#include <llvm/Support/VirtualFileSystem.h>

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

/// Parses the bundle's source files on behalf of the loader, so that a caller
/// (the LSP) can hand back the AST of a file whose bytes did not change.
class ParseCache {
public:
  virtual ~ParseCache() = default;
  /// Returns the AST of `file`, just added to `sources`, reporting its parse
  /// diagnostics into `diags` exactly as syntax::parseFile would.
  virtual std::unique_ptr<ast::File> parse(const SourceManager &sources, FileId file,
                                           diag::Engine &diags,
                                           const syntax::ParseLimits &limits) = 0;
  /// Takes the ASTs of a finished load back (checkBundle calls it last).
  virtual void giveBack(LoadedBundle bundle) = 0;
  /// Whether parse() may run on several threads at once: the loader then
  /// parses the bundle's files in parallel through it (each call with its
  /// own engine), as it does without a cache.
  virtual bool threadSafe() const { return false; }
  /// Whether giveBack wants the ASTs; when not (the disk cache),
  /// checkBundle frees them after sema, as it does without a cache.
  virtual bool keepsAsts() const { return true; }
};

/// The machine's own file system: what `mac check` reads.
llvm::vfs::FileSystem &realFileSystem();

/// Loads the bundle at `path` (a directory holding bundle.flow, or a file),
/// reading through `fs`; files are parsed by `cache` when one is given.
llvm::Expected<LoadedBundle> loadBundle(const std::string &path, SourceManager &sources,
                                        diag::Engine &diags,
                                        const syntax::ParseLimits &limits = {},
                                        llvm::vfs::FileSystem &fs = realFileSystem(),
                                        ParseCache *cache = nullptr);

} // namespace mac::sema
