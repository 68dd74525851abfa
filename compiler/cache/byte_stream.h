// The byte encoding of parse-cache entries: little-endian LEB128 varints
// (zigzag for signed values), doubles as their 8 raw bytes, strings as a
// length and their bytes. The reader never reads past its buffer: the first
// bad read sets `failed()`, and every later read returns a zero value, so a
// truncated or corrupt entry is noticed once, at the end, and becomes a miss.
#pragma once

#include <llvm/ADT/StringRef.h>

#include <bit>
#include <cstdint>
#include <cstring>
#include <string>

namespace mac::cache {

class ByteWriter {
public:
  void u64(uint64_t value) {
    while (value >= 0x80) {
      out_.push_back(static_cast<char>((value & 0x7f) | 0x80));
      value >>= 7;
    }
    out_.push_back(static_cast<char>(value));
  }
  void i64(int64_t value) {
    u64((static_cast<uint64_t>(value) << 1) ^ static_cast<uint64_t>(value >> 63));
  }
  void boolean(bool value) { out_.push_back(value ? 1 : 0); }
  void f64(double value) {
    uint64_t bits = std::bit_cast<uint64_t>(value);
    for (int i = 0; i < 8; ++i)
      out_.push_back(static_cast<char>((bits >> (8 * i)) & 0xff));
  }
  void string(llvm::StringRef value) {
    u64(value.size());
    out_.append(value.data(), value.size());
  }
  /// A fixed-width 64-bit value (for headers, whose offsets must not move).
  void fixed64(uint64_t value) {
    for (int i = 0; i < 8; ++i)
      out_.push_back(static_cast<char>((value >> (8 * i)) & 0xff));
  }
  void raw(llvm::StringRef bytes) { out_.append(bytes.data(), bytes.size()); }

  std::string &bytes() { return out_; }

private:
  std::string out_;
};

class ByteReader {
public:
  explicit ByteReader(llvm::StringRef bytes) : bytes_(bytes) {}

  uint64_t u64() {
    uint64_t value = 0;
    for (unsigned shift = 0; shift < 64; shift += 7) {
      if (!need(1))
        return 0;
      uint8_t byte = static_cast<uint8_t>(bytes_[at_++]);
      value |= static_cast<uint64_t>(byte & 0x7f) << shift;
      if (!(byte & 0x80))
        return value;
    }
    return fail();
  }
  int64_t i64() {
    uint64_t raw = u64();
    return static_cast<int64_t>((raw >> 1) ^ (~(raw & 1) + 1));
  }
  /// A varint that must fit in 32 bits.
  uint32_t u32() {
    uint64_t value = u64();
    return value > UINT32_MAX ? static_cast<uint32_t>(fail()) : static_cast<uint32_t>(value);
  }
  bool boolean() {
    if (!need(1))
      return false;
    uint8_t byte = static_cast<uint8_t>(bytes_[at_++]);
    return byte > 1 ? fail() : byte == 1;
  }
  double f64() {
    if (!need(8))
      return 0;
    return std::bit_cast<double>(fixedBytes(8));
  }
  std::string string() {
    uint64_t size = u64();
    if (!need(size))
      return {};
    std::string value(bytes_.data() + at_, size);
    at_ += size;
    return value;
  }
  uint64_t fixed64() { return need(8) ? fixedBytes(8) : 0; }
  void skip(size_t size) {
    if (need(size))
      at_ += size;
  }
  /// An element count, each element taking at least one byte: a count larger
  /// than what is left is corruption (and must not reserve memory).
  size_t count() {
    uint64_t value = u64();
    return value > remaining() ? static_cast<size_t>(fail()) : static_cast<size_t>(value);
  }
  /// An enumerator no greater than `last`.
  template <class Enum> Enum enumerator(Enum last) {
    uint64_t value = u64();
    if (value > static_cast<uint64_t>(last))
      fail();
    return failed_ ? Enum{} : static_cast<Enum>(value);
  }

  size_t remaining() const { return failed_ ? 0 : bytes_.size() - at_; }
  bool atEnd() const { return !failed_ && at_ == bytes_.size(); }
  bool failed() const { return failed_; }
  /// Marks the input corrupt (a value the writer never writes) and returns 0.
  uint64_t fail() {
    failed_ = true;
    return 0;
  }

private:
  bool need(uint64_t size) {
    if (failed_ || size > bytes_.size() - at_) {
      failed_ = true;
      return false;
    }
    return true;
  }
  uint64_t fixedBytes(int size) {
    uint64_t value = 0;
    for (int i = 0; i < size; ++i)
      value |= static_cast<uint64_t>(static_cast<uint8_t>(bytes_[at_++])) << (8 * i);
    return value;
  }

  llvm::StringRef bytes_;
  size_t at_ = 0;
  bool failed_ = false;
};

} // namespace mac::cache
