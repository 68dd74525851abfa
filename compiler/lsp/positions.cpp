// UTF-8 ↔ UTF-16 position arithmetic for the LSP (see positions.h).
#include "compiler/lsp/positions.h"

#include <llvm/Support/ConvertUTF.h>

#include <algorithm>
#include <cstring>

namespace mac::lsp {
namespace {

/// The byte length of the UTF-8 sequence at `at`, and its UTF-16 length: a
/// valid sequence of 4 bytes is a surrogate pair; an invalid byte is one unit.
std::pair<uint32_t, uint32_t> stepAt(std::string_view utf8, size_t at) {
  const auto *bytes = reinterpret_cast<const llvm::UTF8 *>(utf8.data() + at);
  unsigned length = llvm::getNumBytesForUTF8(bytes[0]);
  if (length <= 1 || at + length > utf8.size() || !llvm::isLegalUTF8Sequence(bytes, bytes + length))
    return {1, 1};
  return {length, length == 4 ? 2u : 1u};
}

} // namespace

uint32_t utf16Length(std::string_view utf8) {
  uint32_t units = 0;
  for (size_t at = 0; at < utf8.size();) {
    if (static_cast<unsigned char>(utf8[at]) < 0x80) { // ASCII: what stepAt says, cheaper
      ++at;
      ++units;
      continue;
    }
    auto [bytes, width] = stepAt(utf8, at);
    at += bytes;
    units += width;
  }
  return units;
}

uint32_t bytesForUtf16(std::string_view utf8, uint32_t units) {
  size_t at = 0;
  while (at < utf8.size()) {
    if (static_cast<unsigned char>(utf8[at]) < 0x80) { // ASCII: one byte, one unit
      if (units == 0)
        break;
      --units;
      ++at;
      continue;
    }
    auto [bytes, width] = stepAt(utf8, at);
    if (width > units)
      break;
    units -= width;
    at += bytes;
  }
  return static_cast<uint32_t>(at);
}

LineIndex::LineIndex(std::string_view text) : text_(text) {
  starts_.push_back(0);
  for (const char *at = text.data(), *end = at + text.size();
       (at = static_cast<const char *>(std::memchr(at, '\n', end - at))) != nullptr;)
    starts_.push_back(static_cast<uint32_t>(++at - text.data()));
}

std::string_view LineIndex::line(uint32_t line) const {
  uint32_t begin = starts_[line];
  uint32_t end = line + 1 < starts_.size() ? starts_[line + 1] - 1 : text_.size();
  if (end > begin && text_[end - 1] == '\r')
    --end;
  return text_.substr(begin, end - begin);
}

Position LineIndex::position(uint32_t offset) const {
  offset = std::min<uint32_t>(offset, text_.size());
  auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
  uint32_t lineNo = static_cast<uint32_t>(it - starts_.begin()) - 1;
  std::string_view before = text_.substr(starts_[lineNo], offset - starts_[lineNo]);
  return {lineNo, utf16Length(before)};
}

uint32_t LineIndex::offset(Position position) const {
  if (position.line >= starts_.size())
    return static_cast<uint32_t>(text_.size());
  std::string_view text = line(position.line);
  return starts_[position.line] + bytesForUtf16(text, position.character);
}

} // namespace mac::lsp
