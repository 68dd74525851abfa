// Checking and decoding literal text (LANGUAGE.md §1): string escapes and
// triple-quote dedent, durations, clock times, rates, versions and dates.
// ANTLR-free so units can test every rule directly. Each decoder returns the
// value or an error text that becomes MAC0002 (invalid-literal).
#pragma once

#include "compiler/ast/ast.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace mac::syntax {

/// A decoding failure: what is wrong, and where inside the literal text.
struct LiteralError {
  std::string reason;
  uint32_t offset = 0; ///< byte offset inside the literal text
  uint32_t length = 0; ///< bytes of the offending part (0: the whole literal)
};

template <class T> using Decoded = std::variant<T, LiteralError>;

/// Decodes a `"…"` or `"""…"""` literal whose text starts at `sourceOffset`.
Decoded<ast::StringLit> decodeString(std::string_view text, FileId file, uint32_t sourceOffset);
/// `30s 15m 2h 2d 1w` → seconds.
Decoded<int64_t> decodeDuration(std::string_view text);
/// `21:00` → minutes since midnight.
Decoded<uint32_t> decodeClock(std::string_view text);
/// `10/min`: the unit word → seconds per unit.
Decoded<int64_t> decodeRateUnit(std::string_view unit);
/// `2.4.1` or `2.4.1-pre.1` (semantic version) → unchanged text.
Decoded<std::string> decodeVersion(std::string_view text);
/// `2026-03-02` → unchanged text.
Decoded<std::string> decodeDate(std::string_view text);
/// `2026-02-01T10:00` (optionally `:SS`) → "2026-02-01T10:00[:SS]".
Decoded<std::string> decodeDateTime(std::string_view text);

} // namespace mac::syntax
