// The parser's fast path: a hand-written recursive-descent parser of
// grammar/FlowParser.g4 that builds the ast::File directly from the tokens of
// token_scanner.h, with no ANTLR token, parse tree or prediction in between.
//
// Its contract makes the diagnostics of parseFile identical by construction:
// it either returns the complete AST and comments of a file, or it declines.
// It declines on anything it is not sure of — a syntax error, a literal the
// ANTLR path reports (MAC0002), nesting beyond ParseLimits::maxNesting
// (MAC0006), or a construct it does not know — and then parseFile runs the
// ANTLR path unchanged, which reports exactly what it always did. When it
// accepts, its AST equals the ANTLR path's field by field, every SourceRange,
// string run and mac-ignore included, and the ANTLR path reports nothing for
// that text (test/support/parser_equivalence.h states the obligation;
// test/unit/descent_parser_test.cpp and fuzz_parser check it).
#pragma once

#include "compiler/syntax/parse.h"

#include <optional>
#include <string_view>

namespace mac::syntax {

/// The fast path on `text`, the contents of `file` (valid UTF-8 within the
/// size limit: parseFile checks both first). nullopt: declined.
std::optional<ParseResult> parseByDescent(std::string_view text, FileId file,
                                          const ParseLimits &limits = {});

/// The ANTLR path alone: what parseFileWithComments runs when the fast path
/// declines (size and UTF-8 checks included). For the equivalence tests.
ParseResult parseWithAntlr(const SourceManager &sources, FileId file, diag::Engine &diags,
                           const ParseLimits &limits = {});

} // namespace mac::syntax
