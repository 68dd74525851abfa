// CsvDiagnostics: the cap on kept diagnostics and the late registration of
// the file's diagnosed prefix in the SourceManager.
#include "contacts/csv_diagnostics.h"

#include <algorithm>

namespace mac::contacts {

void CsvDiagnostics::keepOrCount() {
  std::vector<diag::Diagnostic> &list = pending_.mutableDiagnostics();
  bool error = list.back().severity == diag::Severity::Error;
  size_t &count = error ? errors_ : warnings_;
  if (++count > cap_) {
    list.pop_back();
    ++dropped_;
  }
}

void CsvDiagnostics::flush(SourceManager &sources, diag::Engine &diags) {
  std::vector<diag::Diagnostic> &list = pending_.mutableDiagnostics();
  if (list.empty())
    return;
  uint32_t last = 0;
  for (const diag::Diagnostic &d : list)
    last = std::max(last, d.range.end);
  size_t lineEnd = data_.find('\n', last);
  llvm::StringRef prefix =
      data_.take_front(lineEnd == llvm::StringRef::npos ? data_.size() : lineEnd + 1);
  FileId file = sources.addFile(path_, path_, prefix.str());
  if (dropped_)
    list.back().notes.push_back(
        {std::to_string(dropped_) + " more problems in this file are not shown", {}});
  for (diag::Diagnostic &d : list) {
    d.range.file = file;
    diags.add(std::move(d));
  }
  list.clear();
}

} // namespace mac::contacts
