// The GSM 03.38 tables and the SMS length count; UTF-8 decoding and UTF-16
// counting use LLVM's ConvertUTF.
#include "analyzer/sms_length.h"

#include <llvm/ADT/SmallVector.h>
#include <llvm/ADT/StringRef.h>
#include <llvm/Support/ConvertUTF.h>

#include <algorithm>
#include <string>

namespace mac::analyzer {

namespace {

/// The basic table's characters outside printable ASCII, sorted.
constexpr char32_t kBasicNonAscii[] = {
    U'\n',     U'\r',     U'\u00A1', U'\u00A3', U'\u00A4', U'\u00A5', U'\u00A7',
    U'\u00BF', U'\u00C4', U'\u00C5', U'\u00C6', U'\u00C7', U'\u00C9', U'\u00D1',
    U'\u00D6', U'\u00D8', U'\u00DC', U'\u00DF', U'\u00E0', U'\u00E4', U'\u00E5',
    U'\u00E6', U'\u00E8', U'\u00E9', U'\u00EC', U'\u00F1', U'\u00F2', U'\u00F6',
    U'\u00F8', U'\u00F9', U'\u00FC', U'\u0393', U'\u0394', U'\u0398', U'\u039B',
    U'\u039E', U'\u03A0', U'\u03A3', U'\u03A6', U'\u03A8', U'\u03A9'};

uint32_t utf16Units(std::string_view text) {
  llvm::SmallVector<llvm::UTF16, 256> units;
  if (!llvm::convertUTF8ToUTF16String(llvm::StringRef(text.data(), text.size()), units))
    return static_cast<uint32_t>(text.size());
  return static_cast<uint32_t>(units.size()); // the terminator is not counted in size()
}

/// The text a recipient receives at the least, as pieces: a literal run of
/// the template (origin length 1: byte i comes from template offset + i) or
/// a placeholder's fallback (every byte comes from the whole placeholder).
struct Rendered {
  struct Piece {
    uint32_t start;  ///< where the piece starts in `text`
    uint32_t offset; ///< the template offset it comes from
    uint32_t length; ///< 1, or the placeholder's length
  };
  std::string text;
  std::vector<Piece> pieces;

  /// Where byte `at` of `text` comes from: (template offset, length).
  std::pair<uint32_t, uint32_t> origin(uint32_t at) const {
    auto piece = std::upper_bound(pieces.begin(), pieces.end(), at,
                                  [](uint32_t a, const Piece &p) { return a < p.start; });
    --piece; // the first piece starts at 0
    if (piece->length != 1)
      return {piece->offset, piece->length};
    return {piece->offset + (at - piece->start), 1};
  }
};

Rendered render(std::string_view text, const std::vector<Placeholder> &placeholders) {
  Rendered out;
  out.text.reserve(text.size());
  auto append = [&](std::string_view part, uint32_t offset, uint32_t length) {
    if (part.empty())
      return;
    out.pieces.push_back({static_cast<uint32_t>(out.text.size()), offset, length});
    out.text.append(part);
  };
  size_t from = 0;
  for (const Placeholder &placeholder : placeholders) {
    append(text.substr(from, placeholder.begin - from), static_cast<uint32_t>(from), 1);
    if (const std::string *fallback = placeholder.fallback())
      append(*fallback, placeholder.begin, placeholder.end - placeholder.begin);
    from = placeholder.end;
  }
  append(text.substr(from), static_cast<uint32_t>(from), 1);
  return out;
}

} // namespace

uint32_t gsm7Septets(char32_t c) {
  if (c == U'^' || c == U'{' || c == U'}' || c == U'\\' || c == U'[' || c == U'~' || c == U']' ||
      c == U'|' || c == U'\u20AC' || c == U'\f')
    return 2;
  if (c >= U' ' && c <= U'~')
    return c == U'`' ? 0 : 1; // printable ASCII, except the backtick
  return std::binary_search(std::begin(kBasicNonAscii), std::end(kBasicNonAscii), c) ? 1 : 0;
}

SmsLength smsLength(std::string_view text, const std::vector<Placeholder> &placeholders) {
  Rendered rendered = render(text, placeholders);
  SmsLength length;
  uint32_t septets = 0;
  // Decodes the UTF-8 (sources are validated before parsing), ASCII directly.
  const auto *begin = reinterpret_cast<const llvm::UTF8 *>(rendered.text.data());
  const auto *cursor = begin, *end = begin + rendered.text.size();
  while (cursor < end) {
    uint32_t offset = static_cast<uint32_t>(cursor - begin);
    llvm::UTF32 codePoint = *cursor;
    if (codePoint < 0x80)
      ++cursor;
    else if (llvm::convertUTF8Sequence(&cursor, end, &codePoint, llvm::strictConversion) !=
             llvm::conversionOK) {
      codePoint = 0xFFFD; // not reached for validated input; counts as non-GSM
      ++cursor;
    }
    uint32_t cost = gsm7Septets(static_cast<char32_t>(codePoint));
    septets += cost;
    if (cost == 0 && !length.firstNonGsm) {
      auto [at, size] = rendered.origin(offset);
      if (size == 1) // a literal character: its whole UTF-8 sequence
        size = llvm::getNumBytesForUTF8(static_cast<llvm::UTF8>(rendered.text[offset]));
      length.firstNonGsm = {at, size};
    }
  }
  if (length.firstNonGsm) {
    length.encoding = SmsEncoding::Ucs2;
    length.units = utf16Units(rendered.text);
    length.segmentLimit = 70;
  } else {
    length.units = septets;
    length.segmentLimit = 160;
  }
  return length;
}

std::string_view smsEncodingName(SmsEncoding encoding) {
  return encoding == SmsEncoding::Gsm7 ? "GSM-7" : "UCS-2";
}

} // namespace mac::analyzer
