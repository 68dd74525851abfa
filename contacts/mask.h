// Turning a real contacts export into stage data (`mac mask`, rules in
// docs/stage-data.md): emails and phones hashed with a salt (SHA-256), emails
// keeping their domain, phones normalised to E.164 first so every spelling of
// one number masks alike and keeping their country code; name columns
// replaced by pseudonyms. Every other byte of the file is copied unchanged.
#pragma once

#include "compiler/diag/engine.h"
#include "compiler/sema/program.h"

#include <llvm/Support/Error.h>
#include <llvm/Support/raw_ostream.h>

#include <string>
#include <string_view>
#include <vector>

namespace mac::contacts {

enum class MaskKind : uint8_t { Keep, Email, Phone, FirstName, LastName, FullName };

struct MaskOptions {
  std::string salt;                       ///< never printed
  std::string region = "US";              ///< region of phone numbers without a country code
  const sema::Program *program = nullptr; ///< a bundle's data model, when given
};

/// What to do with a column: by the field's type and identifier when the
/// program declares it, else by the header name alone (email, *_email,
/// phone, mobile, *_phone, and the name identifiers of field_roles.h).
MaskKind maskKindOf(std::string_view column, const sema::Program *program);

/// The masked form of one cell (`text` non-empty).
std::string maskEmail(std::string_view text, const std::string &salt);
std::string maskPhone(std::string_view text, const MaskOptions &options);
std::string maskName(std::string_view text, MaskKind kind, const std::string &salt);

/// Masks the CSV at `path` into `out`. A first pass looks for malformed rows
/// (which could not be masked): when there are any, they are reported, nothing
/// is written and their count is returned. An llvm::Error: the file cannot be
/// read.
llvm::Expected<size_t> maskFile(const std::string &path, const MaskOptions &options,
                                SourceManager &sources, diag::Engine &diags,
                                llvm::raw_ostream &out);

} // namespace mac::contacts
