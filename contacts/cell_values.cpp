// typeCell: one small parser per field type. Booleans accept true/false,
// yes/no, 1/0 (any case), as CRM exports write them; numbers are decimal
// (std::from_chars); dates and times are ISO 8601 (iso_time.h).
#include "contacts/cell_values.h"

#include "compiler/sema/names.h"
#include "contacts/iso_time.h"
#include "contacts/phone.h"

#include <llvm/ADT/StringExtras.h>
#include <llvm/ADT/StringRef.h>

#include <charconv>

namespace mac::contacts {

namespace {

using sema::FieldType;
using sema::Value;

Value stringValue(std::string_view text) {
  Value value;
  value.kind = ast::LiteralKind::String;
  value.text = std::string(text);
  return value;
}

std::string mismatch(const sema::Field &field, std::string_view text, std::string_view what) {
  return "column `" + field.name + "` holds " + std::string(what) + ", but `" + std::string(text) +
         "` is not one";
}

std::optional<Value> typeNumber(const sema::Field &field, std::string_view text,
                                std::optional<CellProblem> &problem) {
  Value value;
  value.kind = ast::LiteralKind::Number;
  value.text = std::string(text);
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value.number);
  if (ec == std::errc() && end == text.data() + text.size())
    return value;
  problem = CellProblem{diag::Code::TypeMismatch, diag::Severity::Error,
                        mismatch(field, text, "a number"), ""};
  return std::nullopt;
}

std::optional<Value> typeBool(const sema::Field &field, std::string_view text,
                              std::optional<CellProblem> &problem) {
  std::string lower = llvm::StringRef(text).lower();
  Value value;
  value.kind = ast::LiteralKind::Bool;
  value.boolean = lower == "true" || lower == "yes" || lower == "1";
  value.text = value.boolean ? "true" : "false";
  if (value.boolean || lower == "false" || lower == "no" || lower == "0")
    return value;
  problem = CellProblem{diag::Code::TypeMismatch, diag::Severity::Error,
                        mismatch(field, text, "a bool (true/false, yes/no, 1/0)"), ""};
  return std::nullopt;
}

/// Dates: `seconds` is midnight. Datetimes: a cell with an offset becomes UTC
/// and its text ends in `Z`; without one it is contact-local wall time.
std::optional<Value> typeTime(const sema::Field &field, std::string_view text,
                              std::optional<CellProblem> &problem) {
  std::string why;
  std::optional<IsoTime> time = parseIsoTime(text, why);
  bool dateOnly = field.type == FieldType::Date;
  if (time && dateOnly && (time->hasTime || time->offsetSeconds))
    why = "a date has no time of day", time.reset();
  if (!time) {
    problem = CellProblem{
        diag::Code::TypeMismatch, diag::Severity::Error,
        mismatch(field, text, dateOnly ? "a date (YYYY-MM-DD)" : "a date and time (ISO 8601)") +
            ": " + why,
        ""};
    return std::nullopt;
  }
  Value value;
  value.kind = dateOnly ? ast::LiteralKind::Date : ast::LiteralKind::DateTime;
  value.seconds = time->wallSeconds - time->offsetSeconds.value_or(0);
  value.text = dateOnly ? std::string(text) : formatIsoTime(value.seconds);
  if (!dateOnly && time->offsetSeconds)
    value.text += 'Z';
  return value;
}

std::optional<Value> typeEnum(const sema::Field &field, std::string_view text,
                              std::optional<CellProblem> &problem) {
  std::vector<std::string_view> candidates(field.enumValues.begin(), field.enumValues.end());
  for (std::string_view candidate : candidates)
    if (candidate == text)
      return stringValue(text);
  problem = CellProblem{diag::Code::InvalidEnumValue, diag::Severity::Error, std::string(text),
                        sema::didYouMean(sema::closestName(text, candidates))};
  return std::nullopt;
}

} // namespace

bool looksLikeEmail(std::string_view text) {
  size_t at = text.find('@');
  if (at == 0 || at == std::string_view::npos || text.find('@', at + 1) != std::string_view::npos)
    return false;
  std::string_view domain = text.substr(at + 1);
  size_t dot = domain.rfind('.');
  if (dot == 0 || dot == std::string_view::npos || dot + 1 == domain.size())
    return false;
  for (char c : text)
    if (llvm::isSpace(c) || c == ',' || c == ';' || c == '<' || c == '>')
      return false;
  return true;
}

std::optional<sema::Value> typeCell(const sema::Field &field, std::string_view text,
                                    const CellOptions &options,
                                    std::optional<CellProblem> &problem) {
  switch (field.type) {
  case FieldType::Text:
    return stringValue(text);
  case FieldType::Number:
    return typeNumber(field, text, problem);
  case FieldType::Bool:
    return typeBool(field, text, problem);
  case FieldType::Date:
  case FieldType::DateTime:
    return typeTime(field, text, problem);
  case FieldType::Enum:
    return typeEnum(field, text, problem);
  case FieldType::Email:
    if (!looksLikeEmail(text))
      problem = CellProblem{diag::Code::TypeMismatch, diag::Severity::Warning,
                            mismatch(field, text, "an email address") + "; kept as written", ""};
    return stringValue(text);
  case FieldType::Phone:
    if (std::optional<std::string> e164 = toE164(text, options.phoneRegion))
      return stringValue(*e164);
    problem = CellProblem{diag::Code::TypeMismatch, diag::Severity::Warning,
                          mismatch(field, text, "a phone number") + "; kept as written", ""};
    return stringValue(text);
  }
  return stringValue(text);
}

} // namespace mac::contacts
