// Conditions as text: `and` binds tighter than `or`, so parentheses are
// written only where the tree needs them (an `or` under an `and` or a `not`,
// and a group the author wrote around a chain of the same operator, which the
// parser keeps as its own node). A line longer than the limit is broken
// before `or` first, then before `and`, then inside parentheses, each
// continuation line indented four spaces more than the statement.
#pragma once

#include "compiler/ast/ast.h"
#include "compiler/format/spelling.h"

#include <string>
#include <string_view>

namespace mac::format {

/// The longest line the printer aims for.
constexpr size_t kLineLimit = 100;

/// `prefix + condition + suffix` as one line, or as several lines when that
/// is longer than kLineLimit for a line starting at column `indent`. Lines
/// after the first carry their own indentation.
std::string conditionLines(const ast::Condition &condition, std::string_view prefix,
                           std::string_view suffix, size_t indent, const Spelling &spelling);

} // namespace mac::format
