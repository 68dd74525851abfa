// `// mac-ignore RULE[, RULE…][: reason]` comments (LANGUAGE.md §7): parsed
// from the comment text and attached to the statement or declaration that
// follows. ANTLR-free: it sees comment texts and offsets only.
#pragma once

#include "compiler/ast/ast.h"

#include <string_view>
#include <vector>

namespace mac::syntax {

struct CommentText {
  uint32_t begin = 0; ///< byte offset of `//`
  std::string_view text;
};

/// Fills `file.ignores` from `comments`; `attachables` are the ranges of every
/// statement, property and declaration of the file (any order).
void attachIgnores(const std::vector<CommentText> &comments,
                   std::vector<SourceRange> attachables, ast::File &file);

} // namespace mac::syntax
