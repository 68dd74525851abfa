// Size and encoding checks, and the code-point to byte offset map.
#include "compiler/syntax/input_checks.h"

#include <llvm/Support/ConvertUTF.h>

#include <cstring>

namespace mac::syntax {

bool checkSize(std::string_view text, FileId file, uint32_t maxBytes, diag::Engine &diags) {
  if (text.size() <= maxBytes)
    return true;
  diags.report(diag::Code::InputTooLarge, SourceRange{file, 0, 0}, text.size(), maxBytes);
  return false;
}

bool checkUtf8(std::string_view text, FileId file, diag::Engine &diags) {
  const auto *begin = reinterpret_cast<const llvm::UTF8 *>(text.data());
  const auto *cursor = begin;
  const auto *end = begin + text.size();
  while (cursor < end) {
    // ASCII, most of any file, eight bytes at a time.
    uint64_t word;
    while (end - cursor >= 8 && (std::memcpy(&word, cursor, 8), (word & 0x8080808080808080u) == 0))
      cursor += 8;
    while (cursor < end && *cursor < 0x80)
      ++cursor;
    if (cursor == end)
      break;
    // One multi-byte sequence, judged as llvm::isLegalUTF8String would.
    if (!llvm::isLegalUTF8Sequence(cursor, end)) {
      uint32_t offset = static_cast<uint32_t>(cursor - begin);
      diags.report(diag::Code::InvalidEncoding, SourceRange{file, offset, offset + 1},
                   static_cast<unsigned>(*cursor), offset);
      return false;
    }
    cursor += llvm::getNumBytesForUTF8(*cursor);
  }
  if (text.find('\0') != std::string_view::npos) {
    uint32_t offset = static_cast<uint32_t>(text.find('\0'));
    diags.report(diag::Code::InvalidEncoding, SourceRange{file, offset, offset + 1}, 0u, offset);
    return false;
  }
  return true;
}

OffsetMap::OffsetMap(std::string_view text) : size_(static_cast<uint32_t>(text.size())) {
  for (unsigned char c : text)
    if (c >= 0x80) {
      ascii_ = false;
      break;
    }
  if (ascii_)
    return;
  // Token indices count from after a leading byte order mark, which ANTLR's
  // input stream (and so FlowTokenSource) drops.
  uint32_t start = text.substr(0, 3) == kByteOrderMark ? 3 : 0;
  for (uint32_t i = start; i < text.size(); ++i)
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80)
      offsets_.push_back(i);
  offsets_.push_back(size_);
}

uint32_t OffsetMap::byteOffset(size_t codePointIndex) const {
  if (ascii_)
    return static_cast<uint32_t>(std::min<size_t>(codePointIndex, size_));
  if (codePointIndex >= offsets_.size())
    return size_;
  return offsets_[codePointIndex];
}

} // namespace mac::syntax
