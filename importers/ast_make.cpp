// The AST constructors of ast_make.h.
#include "importers/ast_make.h"

#include <cmath>
#include <cstdlib>
#include <map>

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

ast::Condition *opposite(ast::Arena &arena, ast::Condition *c) {
  using K = ast::CondKind;
  using Op = ast::CompareOp;
  static const std::map<K, K> swapped = {{K::And, K::Or},        {K::Or, K::And},
                                         {K::IsSet, K::IsEmpty}, {K::IsEmpty, K::IsSet},
                                         {K::True, K::False},    {K::False, K::True}};
  static const std::map<Op, Op> flipped = {{Op::Eq, Op::Ne}, {Op::Ne, Op::Eq}, {Op::Lt, Op::Ge},
                                           {Op::Le, Op::Gt}, {Op::Gt, Op::Le}, {Op::Ge, Op::Lt}};
  if (c->kind == K::Not)
    return c->children.front();
  if (c->kind != K::Compare && !swapped.count(c->kind))
    return negate(arena, c);
  ast::Condition *out = arena.make<ast::Condition>();
  *out = *c;
  if (c->kind == K::Compare)
    out->op = flipped.at(c->op);
  else
    out->kind = swapped.at(c->kind);
  for (ast::Condition *&child : out->children)
    child = opposite(arena, child);
  return out;
}

ast::Statement *stmt(ast::Arena &arena, ast::StmtKind kind, std::string text) {
  ast::Statement *s = arena.make<ast::Statement>();
  s->kind = kind;
  s->name = name(std::move(text));
  return s;
}

void setting(ast::FlowDecl &flow, ast::SettingKind kind, ast::Condition *condition,
             int64_t seconds) {
  ast::FlowSetting s;
  s.kind = kind;
  s.condition = condition;
  s.seconds = seconds;
  flow.settings.push_back(std::move(s));
}

void policy(ast::FlowDecl &flow, ast::PolicyKind kind, std::string name) {
  for (const ast::PolicyStmt &known : flow.policies)
    if (known.kind == kind && known.name.text == name)
      return;
  ast::PolicyStmt p;
  p.kind = kind;
  p.name = make::name(std::move(name));
  flow.policies.push_back(std::move(p));
}

} // namespace mac::importer::make
