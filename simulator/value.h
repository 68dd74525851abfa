// A contact field's value at run time: empty, text (also enums, emails,
// phones, dates and date-times, kept as written), a number or a bool, with
// the comparisons of LANGUAGE.md §6 conditions.
#pragma once

#include "compiler/sema/program.h"

#include <optional>
#include <string>

namespace mac::sim {

struct Value {
  enum class Kind : uint8_t { Empty, Text, Number, Bool };
  Kind kind = Kind::Empty;
  std::string text;
  double number = 0;
  bool boolean = false;

  static Value ofText(std::string text) { return {Kind::Text, std::move(text), 0, false}; }
  static Value ofNumber(double number) { return {Kind::Number, {}, number, false}; }
  static Value ofBool(bool boolean) { return {Kind::Bool, {}, 0, boolean}; }
  /// A literal of the source (strings, numbers, bools, dates…).
  static Value of(const sema::Value &literal);

  /// Empty, or an empty string.
  bool isEmpty() const { return kind == Kind::Empty || (kind == Kind::Text && text.empty()); }
  bool operator==(const Value &other) const;
  /// <0, 0, >0; nullopt when the two cannot be ordered (empty, mixed kinds).
  std::optional<int> compare(const Value &other) const;
  /// As a user reads it: "MQL" in quotes for text, 55, true, or "(empty)".
  std::string display() const;
};

/// The value of a field the caller gives as text (a CSV cell): parsed per the
/// field's type; nullopt when it does not fit (a number field given "abc").
std::optional<Value> parseFieldValue(const sema::Field &field, std::string_view text);

} // namespace mac::sim
