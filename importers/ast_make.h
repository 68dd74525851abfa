// Small constructors for the AST nodes importers synthesize. Nodes have no
// source range (the printer then spells every value canonically) and live in
// the arena of the bundle being assembled.
#pragma once

#include "compiler/ast/ast.h"

#include <string>
#include <vector>

namespace mac::importer::make {

ast::Name name(std::string text);
ast::StringLit str(std::string value);
ast::Literal string(std::string value);
ast::Literal number(double value);
ast::Literal boolean(bool value);
ast::Literal duration(int64_t seconds);
ast::Literal clock(int64_t minutes);
/// A literal of the right kind for a field of type `type` ("number", "bool", …).
ast::Literal typed(const std::string &type, const std::string &text);

ast::Condition *cond(ast::Arena &arena, ast::CondKind kind, std::string name = {});
ast::Condition *compare(ast::Arena &arena, std::string field, ast::CompareOp op,
                        ast::Literal value);
ast::Condition *combine(ast::Arena &arena, ast::CondKind kind, std::vector<ast::Condition *> parts);
ast::Condition *negate(ast::Arena &arena, ast::Condition *c);
/// `not c` with the negation pushed down the way platforms store it: a
/// comparison flips its operator, `is set` and `is empty` swap, `and` and
/// `or` swap (De Morgan), `true` and `false` swap; other tests get `not`.
ast::Condition *opposite(ast::Arena &arena, ast::Condition *c);

ast::Statement *stmt(ast::Arena &arena, ast::StmtKind kind, std::string name = {});

/// Adds a setting (`goal`, `require`, `reenroll after`, …) to `flow`.
void setting(ast::FlowDecl &flow, ast::SettingKind kind, ast::Condition *condition = nullptr,
             int64_t seconds = 0);
/// Adds a policy rule (`suppress list x`, `require consent sms`, …) to
/// `flow`, once: a rule it already has is not repeated.
void policy(ast::FlowDecl &flow, ast::PolicyKind kind, std::string name);

} // namespace mac::importer::make
