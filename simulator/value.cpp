// Run-time field values (value.h): conversion from source literals and text,
// equality, ordering and display.
#include "simulator/value.h"

#include <fmt/format.h>

#include <charconv>
#include <cmath>

namespace mac::sim {

Value Value::of(const sema::Value &literal) {
  switch (literal.kind) {
  case ast::LiteralKind::Number:
    return ofNumber(literal.number);
  case ast::LiteralKind::Bool:
    return ofBool(literal.boolean);
  case ast::LiteralKind::Duration:
  case ast::LiteralKind::Clock:
    return ofNumber(static_cast<double>(literal.seconds));
  default:
    return ofText(literal.text);
  }
}

bool Value::operator==(const Value &other) const {
  if (isEmpty() || other.isEmpty())
    return isEmpty() && other.isEmpty();
  if (kind != other.kind)
    return false;
  switch (kind) {
  case Kind::Text:
    return text == other.text;
  case Kind::Number:
    return number == other.number;
  case Kind::Bool:
    return boolean == other.boolean;
  case Kind::Empty:
    return true;
  }
  return false;
}

std::optional<int> Value::compare(const Value &other) const {
  if (isEmpty() || other.isEmpty() || kind != other.kind)
    return std::nullopt;
  switch (kind) {
  case Kind::Text:
    return text.compare(other.text) < 0 ? -1 : text == other.text ? 0 : 1;
  case Kind::Number:
    return number < other.number ? -1 : number == other.number ? 0 : 1;
  case Kind::Bool:
    return static_cast<int>(boolean) - static_cast<int>(other.boolean);
  case Kind::Empty:
    return std::nullopt;
  }
  return std::nullopt;
}

std::string Value::display() const {
  switch (kind) {
  case Kind::Empty:
    return "(empty)";
  case Kind::Text:
    return fmt::format("\"{}\"", text);
  case Kind::Number:
    if (std::floor(number) == number && std::fabs(number) < 1e15)
      return fmt::format("{}", static_cast<int64_t>(number));
    return fmt::format("{}", number);
  case Kind::Bool:
    return boolean ? "true" : "false";
  }
  return {};
}

std::optional<Value> parseFieldValue(const sema::Field &field, std::string_view text) {
  if (text.empty())
    return Value{};
  switch (field.type) {
  case sema::FieldType::Number: {
    double number = 0;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
    if (error != std::errc() || end != text.data() + text.size())
      return std::nullopt;
    return Value::ofNumber(number);
  }
  case sema::FieldType::Bool:
    if (text == "true" || text == "1" || text == "yes")
      return Value::ofBool(true);
    if (text == "false" || text == "0" || text == "no")
      return Value::ofBool(false);
    return std::nullopt;
  case sema::FieldType::Enum:
    for (const std::string &allowed : field.enumValues)
      if (allowed == text)
        return Value::ofText(std::string(text));
    return std::nullopt;
  default:
    return Value::ofText(std::string(text));
  }
}

} // namespace mac::sim
