// A canonical dump of an AST without source positions, to prove that `mac
// fmt` keeps the meaning of a file: the dump of a file and of its formatted
// text must be equal. It holds every value the later phases read (names,
// decoded strings, literal values, the condition and statement trees, the
// mac-ignore directives and what each applies to), in declaration order.
#pragma once

#include "compiler/ast/ast.h"

#include <string>
#include <string_view>

namespace mac::format {

/// One line per node, indented by depth. `source` is the text the AST was
/// parsed from; it is read only to name the construct a mac-ignore targets.
std::string dumpFile(const ast::File &file, std::string_view source);

} // namespace mac::format
