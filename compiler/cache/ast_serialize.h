// A compact binary form of one file's front-end result — its ast::File
// (every node kind and field of ast.h, source ranges included) and the
// diagnostics its parse reported — for the on-disk parse cache. Ranges are
// stored as byte offsets into the file; the FileId, assigned per run, is
// attached again when the result is read. Decoding is bounds-checked: bytes
// that a writer could not have produced give std::nullopt, never a crash.
#pragma once

#include "compiler/ast/ast.h"
#include "compiler/diag/diagnostic.h"

#include <llvm/ADT/StringRef.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace mac::cache {

/// Bumped whenever the encoding, or what ast.h holds, changes: entries of
/// another version are never read.
inline constexpr uint32_t kFormatVersion = 1;

/// Conditions and statements nest at most this deep in a stored AST (the
/// parser's MAC0006 bound keeps real files far below it); a deeper AST is
/// not stored, and a deeper entry is corrupt.
inline constexpr unsigned kMaxStoredDepth = 2048;

struct CachedParse {
  std::unique_ptr<ast::File> ast;
  std::vector<diag::Diagnostic> diagnostics;
};

/// Encodes the parse of a file of `sourceLength` bytes. std::nullopt when
/// it cannot be stored faithfully: a range into another file or past the
/// end of this one, or nesting deeper than kMaxStoredDepth.
std::optional<std::string> encodeParse(const ast::File &file,
                                       const std::vector<diag::Diagnostic> &diagnostics,
                                       uint32_t sourceLength);

/// Decodes what encodeParse wrote for a file of `sourceLength` bytes, with
/// every range attached to `file`. std::nullopt when the bytes are corrupt.
std::optional<CachedParse> decodeParse(llvm::StringRef bytes, FileId file, uint32_t sourceLength);

} // namespace mac::cache
