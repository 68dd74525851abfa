// The AST constructors of ast_make.h.
#include "importers/ast_make.h"

#include <cmath>
#include <cstdlib>

namespace mac::importer::make {

ast::Name name(std::string text) { return ast::Name{std::move(text), {}}; }

ast::StringLit str(std::string value) {
  ast::StringLit lit;
  lit.value = std::move(value);
  return lit;
}

ast::Literal string(std::string value) {
  ast::Literal lit;
  lit.kind = ast::LiteralKind::String;
  lit.text = std::move(value);
  return lit;
}

ast::Literal number(double value) {
  ast::Literal lit;
  lit.kind = ast::LiteralKind::Number;
  lit.number = value;
  return lit;
}

ast::Literal boolean(bool value) {
  ast::Literal lit;
  lit.kind = ast::LiteralKind::Bool;
  lit.boolean = value;
  lit.text = value ? "true" : "false";
  return lit;
}

ast::Literal duration(int64_t seconds) {
  ast::Literal lit;
  lit.kind = ast::LiteralKind::Duration;
  lit.seconds = seconds;
  return lit;
}

ast::Literal clock(int64_t minutes) {
  ast::Literal lit;
  lit.kind = ast::LiteralKind::Clock;
  lit.seconds = minutes;
  return lit;
}

ast::Literal typed(const std::string &type, const std::string &text) {
  if (type == "bool" && (text == "true" || text == "false"))
    return boolean(text == "true");
  if (type == "number") {
    char *end = nullptr;
    double value = std::strtod(text.c_str(), &end);
    if (!text.empty() && end && *end == '\0' && std::isfinite(value))
      return number(value);
  }
  return string(text);
}

ast::Condition *cond(ast::Arena &arena, ast::CondKind kind, std::string text) {
  ast::Condition *c = arena.make<ast::Condition>();
  c->kind = kind;
  c->name = name(std::move(text));
  return c;
}

ast::Condition *compare(ast::Arena &arena, std::string field, ast::CompareOp op,
                        ast::Literal value) {
  ast::Condition *c = cond(arena, ast::CondKind::Compare, std::move(field));
  c->op = op;
  c->values.push_back(std::move(value));
  return c;
}

ast::Condition *combine(ast::Arena &arena, ast::CondKind kind,
                        std::vector<ast::Condition *> parts) {
  if (parts.size() == 1)
    return parts.front();
  ast::Condition *c = cond(arena, kind);
  c->children = std::move(parts);
  return c;
}

ast::Condition *negate(ast::Arena &arena, ast::Condition *inner) {
  if (inner->kind == ast::CondKind::Not)
    return inner->children.front();
  ast::Condition *c = cond(arena, ast::CondKind::Not);
  c->children.push_back(inner);
  return c;
}

ast::Statement *stmt(ast::Arena &arena, ast::StmtKind kind, std::string text) {
  ast::Statement *s = arena.make<ast::Statement>();
  s->kind = kind;
  s->name = name(std::move(text));
  return s;
}

} // namespace mac::importer::make
