// `mac fmt`'s one entry point, shared with the language server's formatting
// request and with `mac import` (which prints an AST it synthesized): the
// canonical text of one file. See docs/style.md for the style.
#pragma once

#include "compiler/ast/ast.h"
#include "compiler/syntax/parse.h"

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace mac::format {

/// The canonical text of `file`. `source` is the text it was parsed from and
/// `comments` its comments (syntax::parseFileWithComments): strings, numbers
/// and durations are then printed as written, the order of properties is the
/// source order, and every comment is kept. For an AST built in memory, pass
/// an empty `source` and no comments: values are spelt canonically and
/// properties come in the grammar's order. The file must have parsed
/// without errors; a partial AST prints only what it holds.
std::string formatFile(const ast::File &file, const std::vector<syntax::Comment> &comments,
                       std::string_view source);

/// Comment lines for an AST built in memory (`mac import` marks there what
/// the language cannot express). Keys are nodes of the file, a declaration or
/// a statement; each line is written as `// line` on its own line, just
/// before the node (`before`) or just after it (`after`).
struct Notes {
  std::map<const ast::Node *, std::vector<std::string>> before, after;
};

/// The canonical text of `file`, an AST built in memory, with `notes`.
std::string formatFile(const ast::File &file, const Notes &notes);

} // namespace mac::format
