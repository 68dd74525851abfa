// The parser's public, ANTLR-free API: bytes of one file in, an owned AST out.
// A recursive-descent fast path builds the AST of a correct file directly
// (descent_parser.h); any other file goes through ANTLR, whose parse tree is
// built, converted and freed inside parseFile. Both give the same AST.
#pragma once

#include "compiler/ast/ast.h"
#include "compiler/diag/engine.h"

#include <memory>
#include <vector>

namespace mac::syntax {

struct ParseLimits {
  uint32_t maxFileBytes = 8u << 20; ///< larger files are MAC0005
  uint32_t maxNesting = 128;        ///< deeper `{ ( [` nesting is MAC0006
};

/// Parses one file of `sources`. Never throws; reports MAC0001 (syntax),
/// MAC0002 (literals), MAC0004 (encoding), MAC0005 (size) and MAC0006
/// (nesting). After a syntax error the AST holds every declaration and
/// statement that parsed cleanly, so later phases still report their errors.
std::unique_ptr<ast::File> parseFile(const SourceManager &sources, FileId file, diag::Engine &diags,
                                     const ParseLimits &limits = {});

/// Every keyword of the lexer (grammar/FlowLexer.g4), sorted: the literal
/// words of its vocabulary. The editor features read them from here so the
/// grammar stays their one source.
const std::vector<std::string> &keywords();

/// A `//` or `/* */` comment as written (the lexer's HIDDEN channel). The
/// range covers the comment's bytes; a line comment stops before its newline.
struct Comment {
  SourceRange range;
  bool isBlock = false; ///< `/* */`
};

/// What parseFileWithComments returns: the AST and every comment of the file.
struct ParseResult {
  std::unique_ptr<ast::File> file;
  std::vector<Comment> comments; ///< in source order
};

/// parseFile, also handing out the file's comments (for `mac fmt` and the
/// LSP's formatting). The comments are empty when the file was rejected
/// before lexing (MAC0004, MAC0005) or its nesting is too deep (MAC0006).
ParseResult parseFileWithComments(const SourceManager &sources, FileId file, diag::Engine &diags,
                                  const ParseLimits &limits = {});

} // namespace mac::syntax
