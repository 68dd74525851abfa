// Spelling of literal values for the printer (see spelling.h).
#include "compiler/format/spelling.h"

#include <cstdio>

namespace mac::format {

std::string Spelling::quote(std::string_view value) {
  std::string out = "\"";
  for (unsigned char c : value) {
    switch (c) {
    case '"':
      out += "\\\"";
      break;
    case '\\':
      out += "\\\\";
      break;
    case '\n':
      out += "\\n";
      break;
    case '\t':
      out += "\\t";
      break;
    default:
      if (c < 0x20) {
        char buffer[16];
        std::snprintf(buffer, sizeof buffer, "\\u{%X}", c);
        out += buffer;
      } else {
        out += static_cast<char>(c);
      }
    }
  }
  return out + "\"";
}

std::string Spelling::clock(uint32_t minutes) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%02u:%02u", minutes / 60 % 100, minutes % 60);
  return buffer;
}

std::string Spelling::canonicalDuration(int64_t seconds) {
  static const struct {
    int64_t seconds;
    const char *unit;
  } units[] = {{604800, "w"}, {86400, "d"}, {3600, "h"}, {60, "m"}};
  for (const auto &unit : units)
    if (seconds > 0 && seconds % unit.seconds == 0)
      return std::to_string(seconds / unit.seconds) + unit.unit;
  return std::to_string(seconds) + "s";
}

std::string Spelling::str(const ast::StringLit &lit) const {
  if (source_.has(lit.range))
    return std::string(source_.slice(lit.range));
  return quote(lit.value);
}

std::string Spelling::literal(const ast::Literal &lit) const {
  if (source_.has(lit.range)) {
    if (lit.kind == ast::LiteralKind::String)
      return std::string(source_.slice(lit.range));
    return source_.compact(lit.range.begin, lit.range.end);
  }
  switch (lit.kind) {
  case ast::LiteralKind::String:
    return quote(lit.text);
  case ast::LiteralKind::Bool:
    return lit.boolean ? "true" : "false";
  case ast::LiteralKind::Clock:
    return lit.text.empty() ? clock(static_cast<uint32_t>(lit.seconds)) : lit.text;
  case ast::LiteralKind::Duration:
    return lit.text.empty() ? canonicalDuration(lit.seconds) : lit.text;
  case ast::LiteralKind::Number:
    if (lit.text.empty()) {
      char buffer[32];
      std::snprintf(buffer, sizeof buffer, "%.15g", lit.number);
      return buffer;
    }
    return lit.text;
  default:
    return lit.text;
  }
}

std::string Spelling::duration(uint32_t begin, uint32_t end, int64_t seconds) const {
  if (begin != kNoOffset && end != kNoOffset && source_.has(SourceRange{{}, begin, end})) {
    std::string written = source_.compact(begin, end);
    if (!written.empty())
      return written;
  }
  return canonicalDuration(seconds);
}

std::string Spelling::rate(const ast::Rate &rate) const {
  if (source_.has(rate.range))
    return source_.compact(rate.range.begin, rate.range.end);
  static const struct {
    int64_t seconds;
    const char *unit;
  } units[] = {{1, "sec"}, {60, "min"}, {3600, "hour"}, {86400, "day"}, {604800, "week"}};
  for (const auto &unit : units)
    if (rate.perSeconds == unit.seconds)
      return std::to_string(rate.count) + "/" + unit.unit;
  return std::to_string(rate.count) + "/sec";
}

std::string Spelling::when(const ast::TestTime &time) const {
  if (source_.has(time.range))
    return source_.words(time.range.begin, time.range.end);
  return time.text;
}

} // namespace mac::format
