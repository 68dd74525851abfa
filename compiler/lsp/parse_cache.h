// Keeps each file's AST between analyses of a bundle, so that an edit
// re-parses only the file that changed: a file whose bytes and FileId are
// the same as last time gets its old AST back, with its parse diagnostics
// replayed. (FileIds are stable while a bundle's file list is: every
// analysis adds the files to a fresh SourceManager in the same order.)
#pragma once

#include "compiler/sema/loader.h"

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace mac::lsp {

class AstCache final : public sema::ParseCache {
public:
  std::unique_ptr<ast::File> parse(const SourceManager &sources, FileId file, diag::Engine &diags,
                                   const syntax::ParseLimits &limits) override;
  void giveBack(sema::LoadedBundle bundle) override;

  /// Files parsed (not reused) since the cache was made, for tests and logs.
  size_t parses() const { return parses_; }

  /// The ASTs kept after the last analysis (those of its files, the stdlib
  /// modules it used included), in path order; empty entries are skipped.
  /// Their ranges point into that analysis's SourceManager. For the language
  /// features (compiler/lsp/features/); read only.
  std::vector<const ast::File *> files() const;

private:
  struct Entry {
    FileId file;
    std::string text;
    std::vector<diag::Diagnostic> diagnostics;
    std::unique_ptr<ast::File> ast; ///< null while lent to a load
  };
  std::map<std::string, Entry> byPath_;
  size_t parses_ = 0;
};

} // namespace mac::lsp
