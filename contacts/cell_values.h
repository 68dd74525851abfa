// Typing one CSV cell by the type of its field (docs/stage-data.md):
// text, number, bool, email, phone, datetime, date and enum cells become
// sema::Values, or a problem saying why not (MAC1004 type-mismatch, MAC1005
// invalid-enum-value) and whether the value is still kept.
#pragma once

#include "compiler/diag/diagnostic.h"
#include "compiler/sema/program.h"

#include <optional>
#include <string>
#include <string_view>

namespace mac::contacts {

struct CellOptions {
  std::string phoneRegion = "US"; ///< region of phone numbers without a country code
};

/// Why a cell is not a value of its field.
struct CellProblem {
  diag::Code code = diag::Code::TypeMismatch;
  diag::Severity severity = diag::Severity::Error;
  /// The arguments of the registry's message: MAC1004 uses `message` alone,
  /// MAC1005 uses `message` (the value) and `suffix` (a did-you-mean).
  std::string message, suffix;
};

/// The value of a non-empty `text` for `field`. When `problem` is set and the
/// result is empty, the cell is dropped (an error); a warning keeps the value
/// (an invalid email or phone stays as written).
std::optional<sema::Value> typeCell(const sema::Field &field, std::string_view text,
                                    const CellOptions &options,
                                    std::optional<CellProblem> &problem);

/// True for `name@domain.tld` with no spaces (the check stage data needs: not
/// RFC 5322 in full).
bool looksLikeEmail(std::string_view text);

} // namespace mac::contacts
