// Where a fix inserts a new statement into a braced declaration (a webhook,
// a policy, a flow) or a new line after one, matching the indentation of
// the lines around it. The source is scanned with comments and string
// literals skipped, so a `{` inside them is never taken.
#pragma once

#include "compiler/base/source_manager.h"
#include "compiler/diag/diagnostic.h"

#include <optional>
#include <string_view>

namespace mac::analyzer {

/// Inserts `statement` (e.g. `retry 3 backoff 30s;`) as the last item of the
/// braced declaration `decl`, whose last byte is its closing `}`: on a line
/// of its own before a `}` that stands alone, indented like the line above,
/// else just before the `}`. Nullopt when `decl` does not end in `}`.
std::optional<diag::Edit> insertBeforeClosingBrace(const SourceManager &sources, SourceRange decl,
                                                   std::string_view statement);

/// Inserts `statement` as the first item of the braced declaration `decl`,
/// after the first `{` at or after offset `from` (e.g. the end of the
/// declaration's name): on a new line after the `{` line (indented like the
/// body) when nothing but a comment follows the `{`, else right after it.
std::optional<diag::Edit> insertAfterOpeningBrace(const SourceManager &sources, SourceRange decl,
                                                  uint32_t from, std::string_view statement);

/// Inserts `line` as a line of its own after the line holding `offset`.
diag::Edit insertLineAfter(const SourceManager &sources, FileId file, uint32_t offset,
                           std::string_view line);

/// True when `range` lies in a stdlib module (display path `<stdlib>/…`):
/// users cannot edit it, so no fix goes there.
bool inStdlib(const SourceManager &sources, SourceRange range);

} // namespace mac::analyzer
