// `mac fmt [--check] PATH...`: rewrite .flow files in the canonical style of
// docs/style.md, or with --check only list the files that are not in it.
// Returns the process exit status (LANGUAGE.md §9).
#pragma once

#include <string>
#include <vector>

namespace mac::driver {

struct FmtOptions {
  std::vector<std::string> paths; ///< .flow files or directories (all their .flow files)
  bool check = false;             ///< write nothing; list unformatted files
  bool dumpAst = false;           ///< hidden: print each file's canonical AST dump
  bool astOnly = false;           ///< hidden: print each file from its AST alone, as
                                  ///< `mac import` prints a synthesized AST (no comments)
};

/// Formats every file of `paths`. Exit 0 when all is well; 1 when a file
/// has syntax errors (printed on stderr, the file untouched) or, under
/// --check, when a file is not formatted (its path printed on stdout); 2 when
/// a path cannot be used or a file cannot be written.
int runFmt(const FmtOptions &options);

} // namespace mac::driver
