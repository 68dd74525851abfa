// Small helpers the template checks share for messages and fixes: shortening
// long texts for a message, and positions inside a string literal where a fix
// can insert text (with the escaping a one-line literal needs). Fixes that add
// a statement to a declaration use decl_edits.h.
#pragma once

#include "compiler/base/source_manager.h"
#include "compiler/diag/diagnostic.h"
#include "compiler/sema/program.h"

#include <string>
#include <string_view>

namespace mac::analyzer {

/// `text` as shown in a message: at most `limit` bytes (cut on a UTF-8
/// boundary, with `…`), newlines and tabs shown as blanks.
std::string shownInMessage(std::string_view text, size_t limit = 60);

/// True when the literal `text` is written `"""…"""` in the source.
bool isTripleQuoted(const SourceManager &sources, const sema::Text &text);

/// The empty range just after the last byte of `text`'s value in the source
/// (before the closing quote of a one-line literal), where a fix appends.
SourceRange endOfValue(const SourceManager &sources, const sema::Text &text);

/// `text` written so it can stand inside a literal of this kind: `"` and `\`
/// escaped in a one-line literal, unchanged in a triple-quoted one.
std::string escapedForLiteral(std::string_view text, bool tripleQuoted);

/// The indentation (leading blanks) of the source line holding `offset`.
std::string indentationAt(const SourceManager &sources, FileId file, uint32_t offset);

} // namespace mac::analyzer
