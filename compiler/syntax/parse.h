// The parser's public, ANTLR-free API: bytes of one file in, an owned AST out.
// The ANTLR parse tree is built, converted and freed inside parseFile.
#pragma once

#include "compiler/ast/ast.h"
#include "compiler/diag/engine.h"

#include <memory>

namespace mac::syntax {

struct ParseLimits {
  uint32_t maxFileBytes = 8u << 20; ///< larger files are MAC0005
  uint32_t maxNesting = 128;        ///< deeper `{ ( [` nesting is MAC0006
};

/// Parses one file of `sources`. Never throws; reports MAC0001 (syntax),
/// MAC0002 (literals), MAC0004 (encoding), MAC0005 (size) and MAC0006
/// (nesting). After a syntax error the AST holds every declaration and
/// statement that parsed cleanly, so later phases still report their errors.
std::unique_ptr<ast::File> parseFile(const SourceManager &sources, FileId file,
                                     diag::Engine &diags, const ParseLimits &limits = {});

} // namespace mac::syntax
