// Decoders for literal text; see literals.h. Strings keep a run map from
// value bytes back to source bytes so diagnostics inside templates point at
// the exact characters even after escapes and dedent.
#include "compiler/syntax/literals.h"

#include <algorithm>
#include <charconv>
#include <vector>

namespace mac::syntax {
namespace {

LiteralError failure(std::string reason, uint32_t offset = 0, uint32_t length = 0) {
  return LiteralError{std::move(reason), offset, length};
}

bool isHex(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

void appendUtf8(std::string &out, uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

/// Builds a string value while recording where each run of it came from.
class ValueBuilder {
public:
  void appendSource(std::string_view bytes, uint32_t sourceOffset) {
    if (bytes.empty())
      return;
    if (!contiguous(sourceOffset))
      lit_.runs.push_back({static_cast<uint32_t>(lit_.value.size()), sourceOffset});
    lit_.value.append(bytes);
    nextSource_ = sourceOffset + bytes.size();
  }
  void appendDecoded(std::string_view bytes, uint32_t sourceOffset) {
    lit_.runs.push_back({static_cast<uint32_t>(lit_.value.size()), sourceOffset});
    lit_.value.append(bytes);
    nextSource_ = UINT32_MAX; // an escape never continues a run
  }
  ast::StringLit take() { return std::move(lit_); }

private:
  bool contiguous(uint32_t sourceOffset) const {
    return !lit_.runs.empty() && nextSource_ == sourceOffset;
  }
  ast::StringLit lit_;
  uint32_t nextSource_ = UINT32_MAX;
};

/// Decodes escapes in `body` (which starts at source offset `base`).
std::optional<LiteralError> decodeEscapes(std::string_view body, uint32_t base,
                                          uint32_t literalStart, ValueBuilder &out) {
  size_t i = 0;
  while (i < body.size()) {
    size_t next = body.find('\\', i);
    if (next == std::string_view::npos)
      next = body.size();
    out.appendSource(body.substr(i, next - i), base + i);
    if (next == body.size())
      break;
    uint32_t at = base + next - literalStart;
    if (next + 1 >= body.size())
      return failure("a backslash must be followed by an escape character", at, 1);
    char c = body[next + 1];
    std::string decoded;
    size_t length = 2;
    switch (c) {
    case '"': decoded = "\""; break;
    case '\\': decoded = "\\"; break;
    case 'n': decoded = "\n"; break;
    case 't': decoded = "\t"; break;
    case 'u': {
      size_t close = body.find('}', next);
      if (next + 2 >= body.size() || body[next + 2] != '{' || close == std::string_view::npos)
        return failure("`\\u` must be written `\\u{HEX}`", at, 2);
      std::string_view hex = body.substr(next + 3, close - next - 3);
      length = close - next + 1;
      if (hex.empty() || hex.size() > 6 || !std::all_of(hex.begin(), hex.end(), isHex))
        return failure("`\\u{...}` needs 1 to 6 hexadecimal digits", at, length);
      uint32_t cp = 0;
      std::from_chars(hex.data(), hex.data() + hex.size(), cp, 16);
      if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF) || cp == 0)
        return failure("`\\u{" + std::string(hex) + "}` is not a Unicode scalar value", at,
                       length);
      appendUtf8(decoded, cp);
      break;
    }
    default:
      return failure(std::string("unknown escape `\\") + c +
                         "`; the escapes are \\\" \\\\ \\n \\t \\u{HEX}",
                     at, 2);
    }
    out.appendDecoded(decoded, base + next);
    i = next + length;
  }
  return std::nullopt;
}

/// Lines of a triple-quoted body with the common indentation removed; the
/// first line is dropped if blank, and so is the last.
struct Line {
  std::string_view text;
  uint32_t offset; // inside the body
};

std::vector<Line> dedentedLines(std::string_view body) {
  std::vector<Line> lines;
  size_t start = 0;
  while (true) {
    size_t end = body.find('\n', start);
    size_t stop = end == std::string_view::npos ? body.size() : end;
    lines.push_back({body.substr(start, stop - start), static_cast<uint32_t>(start)});
    if (end == std::string_view::npos)
      break;
    start = end + 1;
  }
  auto blank = [](std::string_view s) {
    return s.find_first_not_of(" \t\r") == std::string_view::npos;
  };
  if (lines.size() > 1 && blank(lines.front().text))
    lines.erase(lines.begin());
  if (lines.size() > 1 && blank(lines.back().text))
    lines.pop_back();
  size_t indent = SIZE_MAX;
  for (const Line &line : lines)
    if (!blank(line.text))
      indent = std::min(indent, line.text.find_first_not_of(" \t"));
  if (indent == SIZE_MAX)
    indent = 0;
  for (Line &line : lines) {
    size_t cut = std::min(indent, line.text.size());
    if (blank(line.text))
      cut = line.text.size() - (line.text.size() && line.text.back() == '\r' ? 1 : 0);
    line.text.remove_prefix(cut);
    line.offset += cut;
    if (!line.text.empty() && line.text.back() == '\r')
      line.text.remove_suffix(1);
  }
  return lines;
}

bool allDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

int64_t toNumber(std::string_view digits) {
  int64_t value = 0;
  auto result = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  return result.ec == std::errc() ? value : -1;
}

} // namespace

Decoded<ast::StringLit> decodeString(std::string_view text, FileId file,
                                     uint32_t sourceOffset) {
  ValueBuilder out;
  bool triple = text.size() >= 6 && text.substr(0, 3) == "\"\"\"";
  if (!triple) {
    std::string_view body = text.substr(1, text.size() >= 2 ? text.size() - 2 : 0);
    if (auto error = decodeEscapes(body, sourceOffset + 1, sourceOffset, out))
      return *error;
  } else {
    std::string_view body = text.substr(3, text.size() - 6);
    std::vector<Line> lines = dedentedLines(body);
    for (size_t i = 0; i < lines.size(); ++i) {
      if (i > 0)
        out.appendDecoded("\n", sourceOffset + 3 + lines[i].offset);
      if (auto error =
              decodeEscapes(lines[i].text, sourceOffset + 3 + lines[i].offset, sourceOffset, out))
        return *error;
    }
  }
  ast::StringLit lit = out.take();
  lit.range = SourceRange{file, sourceOffset, static_cast<uint32_t>(sourceOffset + text.size())};
  return lit;
}

Decoded<int64_t> decodeDuration(std::string_view text) {
  if (size_t dot = text.find('.'); dot != std::string_view::npos)
    return failure("a duration is a whole number of units (write 36h, not 1.5d)");
  size_t unitAt = text.find_first_not_of("0123456789");
  std::string_view digits = text.substr(0, unitAt);
  std::string_view unit = unitAt == std::string_view::npos ? "" : text.substr(unitAt);
  static const std::pair<std::string_view, int64_t> units[] = {
      {"s", 1}, {"m", 60}, {"h", 3600}, {"d", 86400}, {"w", 604800}};
  for (auto [name, seconds] : units) {
    if (unit != name)
      continue;
    int64_t count = toNumber(digits);
    if (count < 0 || count > INT64_MAX / seconds)
      return failure("the number is too large");
    return count * seconds;
  }
  return failure("the unit must be s, m, h, d or w (as in 30s, 15m, 2h, 2d, 1w)",
                 static_cast<uint32_t>(unitAt), static_cast<uint32_t>(unit.size()));
}

Decoded<uint32_t> decodeClock(std::string_view text) {
  size_t colon = text.find(':');
  std::string_view hours = text.substr(0, colon), minutes = text.substr(colon + 1);
  if (hours.size() > 2 || minutes.size() != 2 || !allDigits(hours) || !allDigits(minutes))
    return failure("a clock time is written HH:MM, as in 09:00 or 21:30");
  int64_t h = toNumber(hours), m = toNumber(minutes);
  if (h > 23 || m > 59)
    return failure("hours run 00-23 and minutes 00-59");
  return static_cast<uint32_t>(h * 60 + m);
}

Decoded<int64_t> decodeRateUnit(std::string_view unit) {
  static const std::pair<std::string_view, int64_t> units[] = {
      {"sec", 1}, {"min", 60}, {"hour", 3600}, {"day", 86400}, {"week", 604800}};
  for (auto [name, seconds] : units)
    if (unit == name)
      return seconds;
  return failure("a rate is per sec, min, hour, day or week (as in 10/min)");
}

Decoded<std::string> decodeVersion(std::string_view text) {
  std::string_view core = text.substr(0, text.find('-'));
  int parts = 0;
  size_t start = 0;
  while (start <= core.size()) {
    size_t dot = core.find('.', start);
    std::string_view part = core.substr(start, dot == std::string_view::npos ? dot : dot - start);
    if (!allDigits(part) || (part.size() > 1 && part[0] == '0'))
      return failure("a version is MAJOR.MINOR.PATCH with an optional -pre.N suffix, as in 2.4.1");
    ++parts;
    if (dot == std::string_view::npos)
      break;
    start = dot + 1;
  }
  if (parts != 3)
    return failure("a version is MAJOR.MINOR.PATCH with an optional -pre.N suffix, as in 2.4.1");
  return std::string(text);
}

Decoded<std::string> decodeDate(std::string_view text) {
  int64_t year = toNumber(text.substr(0, 4)), month = toNumber(text.substr(5, 2)),
          day = toNumber(text.substr(8, 2));
  static const int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12 || day < 1 || day > days[month - 1])
    return failure("no such date");
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  if (month == 2 && day == 29 && !leap)
    return failure("no such date: " + std::to_string(year) + " is not a leap year");
  return std::string(text);
}

Decoded<std::string> decodeDateTime(std::string_view text) {
  auto date = decodeDate(text.substr(0, 10));
  if (auto *error = std::get_if<LiteralError>(&date))
    return *error;
  std::string_view clock = text.substr(11);
  std::string_view seconds;
  if (size_t second = clock.find(':', clock.find(':') + 1); second != std::string_view::npos) {
    seconds = clock.substr(second + 1);
    clock = clock.substr(0, second);
  }
  auto time = decodeClock(clock);
  if (auto *error = std::get_if<LiteralError>(&time))
    return LiteralError{error->reason, 11, static_cast<uint32_t>(clock.size())};
  if (!seconds.empty() && (seconds.size() != 2 || toNumber(seconds) > 59))
    return failure("seconds run 00-59");
  return std::string(text);
}

} // namespace mac::syntax
