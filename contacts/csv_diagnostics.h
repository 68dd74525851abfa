// Diagnostics of a streamed CSV file. A million-row file is not copied into
// the SourceManager while it streams: problems are kept with their byte
// offsets (at most `cap` errors and `cap` warnings; the rest are counted in a
// note) and flush() adds the file, only up to the end of the last diagnosed
// line, so that the usual renderers print `file:line:col` and the row.
#pragma once

#include "compiler/diag/engine.h"

#include <llvm/ADT/StringRef.h>

#include <string>
#include <utility>

namespace mac::contacts {

class CsvDiagnostics {
public:
  /// `path` is what diagnostics print; `data` the whole file (outlives this).
  CsvDiagnostics(std::string path, llvm::StringRef data, size_t cap = 100)
      : path_(std::move(path)), data_(data), cap_(cap) {}

  /// Reports `code` over bytes [begin, end) of the file with `severity`.
  template <class... Args>
  void report(diag::Code code, diag::Severity severity, uint32_t begin, uint32_t end,
              Args &&...args) {
    diag::Diagnostic &d =
        pending_.report(code, SourceRange{FileId{}, begin, end}, std::forward<Args>(args)...);
    d.severity = severity;
    keepOrCount();
  }

  size_t errorCount() const { return errors_; }
  size_t warningCount() const { return warnings_; }

  /// Adds the file (its diagnosed prefix) to `sources` and every kept
  /// diagnostic to `diags`. Does nothing when there was no problem.
  void flush(SourceManager &sources, diag::Engine &diags);

private:
  void keepOrCount();

  std::string path_;
  llvm::StringRef data_;
  size_t cap_;
  diag::Engine pending_;
  size_t errors_ = 0, warnings_ = 0, dropped_ = 0;
};

} // namespace mac::contacts
