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
// (forEachEntry) and fingerprints each document's list from what its LSP
// form holds — codes, severities, messages, and every range as its file's URI
// and LSP positions — so that two equal fingerprints mean two equal LSP
// lists (plan()). Each diagnostic's hash is reused from an earlier analysis
// (the last two) that had the same diagnostic over files whose path, URI
// and text are unchanged, so an edit hashes only what it changed, and the
// fix of an error (which hid every check's finding) little more.
#pragma once

#include "compiler/base/source_manager.h"
#include "compiler/diag/diagnostic.h"
#include "compiler/lsp/positions.h"
#include "compiler/lsp/protocol.h"

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <span>
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
  /// One entry of a document's list (see forEachEntry).
  struct Entry {
    uint32_t index; ///< into the diagnostics
    Placement placement;
    uint32_t note; ///< Echo: the note's index
  };
  /// Lays out every document's list of `diagnostics` (whose elements must
  /// outlive this converter; the vector itself may move) and fingerprints
  /// it: equal fingerprints, equal lists (codes, severities, messages, ranges
  /// and related information, positions included). `donors`, converters of
  /// earlier analyses (null ones skipped; their diagnostics and sources still
  /// alive), lend the hashes of diagnostics that did not change.
  void plan(const std::vector<diag::Diagnostic> &diagnostics, const std::string &fallbackUri,
            const std::vector<const DiagnosticConverter *> &donors);
  /// After plan(): the fingerprint of each non-empty document list.
  const std::map<std::string, uint64_t> &fingerprints() const { return fingerprints_; }
  /// After plan(): the entries of a document's list (empty when it has none).
  const std::vector<Entry> &entries(const std::string &uri) const;
  /// After plan(): the LSP form of one entry.
  Diagnostic convertEntry(const Entry &entry);
  /// After plan(): a document's whole list (what byDocument would give it).
  std::vector<Diagnostic> listOf(const std::string &uri);
  /// After plan(): how many diagnostics were hashed, and how many hashes
  /// were reused from earlier analyses (MAC_LSP_TIMING).
  size_t hashed() const { return hashed_; }
  size_t reused() const { return reused_; }

private:
  const LineIndex &index(FileId file);
  /// forEachEntry's walk, without a std::function call per entry.
  template <class Visit>
  void visitEntries(const std::vector<diag::Diagnostic> &diagnostics,
                    const std::string &fallbackUri, Visit &&visit);
  /// One entry's LSP form (byDocument and convertEntry).
  Diagnostic convertAt(const diag::Diagnostic &diagnostic, Placement placement,
                       const diag::Note *note);
  /// A hash of a file's URI (invalid or stdlib files: 0).
  uint64_t uriHash(FileId file);
  /// The hash of everything convert() reads from one diagnostic.
  uint64_t hashOf(const diag::Diagnostic &diagnostic, std::string &scratch);
  /// Whether `a` (of this analysis) and `b` (of a donor) convert alike:
  /// equal contents over files unchanged between the two analyses.
  bool sameAs(const diag::Diagnostic &a, const diag::Diagnostic &b,
              const std::vector<bool> &unchanged) const;

  const SourceManager &sources_;
  std::function<std::string(const std::string &)> uriOf_;
  mutable std::vector<std::optional<std::string>> uris_; ///< by FileId: uri() memoised
  std::map<uint32_t, std::unique_ptr<LineIndex>> indexes_;
  std::vector<std::optional<uint64_t>> uriHashes_; ///< by FileId: uriHash() memoised
  // plan()'s results.
  /// The diagnostics plan() laid out: their elements, which stay where they
  /// are when the vector holding them is moved (as the workspace does when
  /// the next analysis starts and this converter becomes a donor).
  std::span<const diag::Diagnostic> diagnostics_;
  bool planned_ = false;
  std::vector<uint64_t> hashes_; ///< per diagnostic
  std::map<std::string, std::vector<Entry>> entries_;
  std::map<std::string, uint64_t> fingerprints_;
  size_t hashed_ = 0, reused_ = 0;
};

/// LSP severity of a mac severity.
DiagnosticSeverity toLspSeverity(diag::Severity severity);

} // namespace mac::lsp
