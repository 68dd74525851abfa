// A canonical dump of an AST without source positions, to prove that `mac
// fmt` keeps the meaning of a file: the dump of a file and of its formatted
// text must be equal. It holds every value the later phases read (names,
// decoded strings, literal values, the condition and statement trees, the
// mac-ignore directives and what each applies to), in declaration order.
// On request it also holds every source range, for the parser equivalence
// tests.
#pragma once

#include "compiler/ast/ast.h"

#include <string>
#include <string_view>

namespace mac::format {

struct DumpOptions {
  /// Also every SourceRange (`@FILE:BEGIN-END`) and the source runs of every
  /// string (`{VALUE>SOURCE,…}`): for proving that two parsers built the
  /// same AST (test/support/parser_equivalence.h), not for `mac fmt`, whose
  /// formatted text moves every range.
  bool ranges = false;
};

/// One line per node, indented by depth. `source` is the text the AST was
/// parsed from; it is read only to name the construct a mac-ignore targets.
std::string dumpFile(const ast::File &file, std::string_view source,
                     const DumpOptions &options = {});

} // namespace mac::format
