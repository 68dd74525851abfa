// The formatter's own safety net, run by `mac fmt` before it writes: the
// formatted text must parse cleanly and mean exactly what the original
// meant. A failure is a formatter bug; the file is then left untouched.
#pragma once

#include "compiler/ast/ast.h"
#include "compiler/syntax/parse.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mac::format {

/// Checks `formatted` against the file it came from (`original`, parsed from
/// `originalText` with `comments`): it parses without errors, its AST dump
/// (dumpFile) is the same, it keeps every comment in the same order, and it
/// has as many statements (`;`) as the original. Returns what differs first,
/// or nothing when all hold.
std::optional<std::string> checkFormatted(const ast::File &original,
                                          const std::vector<syntax::Comment> &comments,
                                          std::string_view originalText,
                                          std::string_view formatted);

} // namespace mac::format
