// Value and operator checks against field types (MAC1004) and enum domains
// (MAC1005, with the closest value as a fix).
#include "compiler/sema/names.h"
#include "compiler/sema/resolver.h"

namespace mac::sema {
namespace {

std::string_view literalKindName(ast::LiteralKind kind) {
  switch (kind) {
  case ast::LiteralKind::String: return "a text value";
  case ast::LiteralKind::Number: return "a number";
  case ast::LiteralKind::Bool: return "a bool";
  case ast::LiteralKind::Date: return "a date";
  case ast::LiteralKind::DateTime: return "a date and time";
  case ast::LiteralKind::Clock: return "a clock time";
  case ast::LiteralKind::Duration: return "a duration";
  }
  return "a value";
}

bool fits(FieldType type, ast::LiteralKind kind) {
  switch (type) {
  case FieldType::Text:
  case FieldType::Email:
  case FieldType::Phone:
  case FieldType::Enum: return kind == ast::LiteralKind::String;
  case FieldType::Number: return kind == ast::LiteralKind::Number;
  case FieldType::Bool: return kind == ast::LiteralKind::Bool;
  case FieldType::Date: return kind == ast::LiteralKind::Date;
  case FieldType::DateTime:
    return kind == ast::LiteralKind::DateTime || kind == ast::LiteralKind::Date;
  }
  return false;
}

} // namespace

bool Resolver::checkValue(FieldId id, const Value &value, std::string_view context) {
  if (!id)
    return false;
  const Field &field = program_.field(id);
  if (!fits(field.type, value.kind)) {
    diags_.report(diag::Code::TypeMismatch, value.range,
                  "`" + field.name + "` is a " + std::string(fieldTypeName(field.type)) +
                      " field, but " + std::string(context) + " is " +
                      std::string(literalKindName(value.kind)));
    return false;
  }
  if (field.type != FieldType::Enum)
    return true;
  for (const std::string &allowed : field.enumValues)
    if (allowed == value.text)
      return true;
  std::vector<std::string_view> candidates(field.enumValues.begin(), field.enumValues.end());
  std::optional<std::string> suggestion = closestName(value.text, candidates);
  std::string suffix = didYouMean(suggestion);
  if (!suggestion) {
    suffix = "; its values are";
    for (size_t i = 0; i < field.enumValues.size(); ++i)
      suffix += (i ? ", \"" : " \"") + field.enumValues[i] + "\"";
  }
  diag::Diagnostic &d =
      diags_.report(diag::Code::InvalidEnumValue, value.range, value.text, field.name, suffix);
  if (suggestion)
    d.fixes.push_back({"replace with \"" + *suggestion + "\"", {{value.range, "\"" + *suggestion + "\""}}});
  d.notes.push_back({"`" + field.name + "` is declared here", field.nameRange});
  return false;
}

bool Resolver::checkOrdering(FieldId id, CompareOp op, SourceRange where) {
  if (!id || op == CompareOp::Eq || op == CompareOp::Ne)
    return true;
  FieldType type = program_.field(id).type;
  if (type == FieldType::Number || type == FieldType::Date || type == FieldType::DateTime)
    return true;
  diags_.report(diag::Code::TypeMismatch, where,
                "`" + program_.field(id).name + "` is a " + std::string(fieldTypeName(type)) +
                    " field and has no order; use `==`, `!=` or `in [...]`");
  return false;
}

bool Resolver::checkTextField(FieldId id, SourceRange where, std::string_view test) {
  if (!id)
    return false;
  FieldType type = program_.field(id).type;
  if (type == FieldType::Text || type == FieldType::Email || type == FieldType::Phone ||
      type == FieldType::Enum)
    return true;
  diags_.report(diag::Code::TypeMismatch, where,
                "`" + std::string(test) + "` tests text, but `" + program_.field(id).name +
                    "` is a " + std::string(fieldTypeName(type)) + " field");
  return false;
}

void Resolver::checkNumberField(FieldId id, SourceRange where, std::string_view construct) {
  if (!id || program_.field(id).type == FieldType::Number)
    return;
  diags_.report(diag::Code::TypeMismatch, where,
                std::string(construct) + " needs a number field, but `" +
                    program_.field(id).name + "` is a " +
                    std::string(fieldTypeName(program_.field(id).type)) + " field");
}

} // namespace mac::sema
