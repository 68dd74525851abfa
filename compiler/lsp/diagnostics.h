// mac's diagnostics as LSP diagnostics. Codes, messages and ranges are those
// of `mac check` (ranges converted from bytes to UTF-16 positions); severity
// error/warning/info maps to 1/2/3; notes become relatedInformation (a note
// without a place points at the diagnostic itself); `source` is "mac".
// A diagnostic whose notes reach into other files (a trigger loop across four
// files) is also echoed in each of those files, as Information at the first
// note there, with the same code and message, so that it shows in every
// file it concerns.
//
// Publishing after an edit converts only the files whose list changed: the
// converter routes each mac diagnostic to the documents it appears in
// (forEachEntry) and fingerprints each document's list from the mac
// diagnostics and the text and URI of every file they point into, so that
// two equal fingerprints mean two equal LSP lists (fingerprints()).
#pragma once

#include "compiler/base/source_manager.h"
#include "compiler/diag/diagnostic.h"
#include "compiler/lsp/positions.h"
#include "compiler/lsp/protocol.h"

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace mac::lsp {

/// Converts ranges and diagnostics of one analysis (one SourceManager).
class DiagnosticConverter {
public:
  /// `uriOf` names the document of a real path (open documents keep the
  /// client's spelling of their URI).
  DiagnosticConverter(const SourceManager &sources,
                      std::function<std::string(const std::string &)> uriOf);
  ~DiagnosticConverter();

  /// Whether `file` is something a client can open (not an embedded stdlib module).
  bool onDisk(FileId file) const;
  const std::string &uri(FileId file) const;
  Range range(const SourceRange &range);
  /// The LSP form of `diagnostic` in its own file (its range must be valid).
  Diagnostic convert(const diag::Diagnostic &diagnostic);
  /// Every diagnostic of an analysis grouped by document URI, echoes included;
  /// diagnostics without a place go to `fallbackUri` at its start. With
  /// `wanted`, only the documents it accepts are converted.
  std::map<std::string, std::vector<Diagnostic>>
  byDocument(const std::vector<diag::Diagnostic> &diagnostics, const std::string &fallbackUri,
             const std::function<bool(const std::string &uri)> &wanted = nullptr);

  /// Where one entry of a document's list comes from: a diagnostic without a
  /// place (at the fallback document's start), a diagnostic in its own file,
  /// or its echo at `note` in another file.
  enum class Placement : uint8_t { Fallback, Primary, Echo };
  /// Calls `visit` for each entry of each document's list, in list order,
  /// exactly as byDocument lays them out.
  void forEachEntry(const std::vector<diag::Diagnostic> &diagnostics,
                    const std::string &fallbackUri,
                    const std::function<void(const std::string &uri, size_t index,
                                             Placement placement, const diag::Note *note)> &visit);
  /// A fingerprint of each non-empty document list byDocument would make:
  /// equal fingerprints, equal lists (codes, severities, messages, ranges
  /// and related information, positions included).
  std::map<std::string, uint64_t> fingerprints(const std::vector<diag::Diagnostic> &diagnostics,
                                               const std::string &fallbackUri);

private:
  const LineIndex &index(FileId file);
  /// A hash of a file's URI and text (invalid or stdlib files: 0).
  uint64_t fileHash(FileId file);

  const SourceManager &sources_;
  std::function<std::string(const std::string &)> uriOf_;
  mutable std::vector<std::optional<std::string>> uris_; ///< by FileId: uri() memoised
  std::map<uint32_t, std::unique_ptr<LineIndex>> indexes_;
  std::vector<std::optional<uint64_t>> fileHashes_; ///< by FileId: fileHash() memoised
};

/// LSP severity of a mac severity.
DiagnosticSeverity toLspSeverity(diag::Severity severity);

} // namespace mac::lsp
