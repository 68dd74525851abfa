// Conversion of mac diagnostics to LSP diagnostics (see diagnostics.h).
#include "compiler/lsp/diagnostics.h"

#include <algorithm>
#include <set>

namespace mac::lsp {

DiagnosticSeverity toLspSeverity(diag::Severity severity) {
  switch (severity) {
  case diag::Severity::Error:
    return DiagnosticSeverity::Error;
  case diag::Severity::Warning:
    return DiagnosticSeverity::Warning;
  case diag::Severity::Info:
  case diag::Severity::Ignored:
    return DiagnosticSeverity::Information;
  }
  return DiagnosticSeverity::Error;
}

DiagnosticConverter::DiagnosticConverter(const SourceManager &sources,
                                         std::function<std::string(const std::string &)> uriOf)
    : sources_(sources), uriOf_(std::move(uriOf)) {}

DiagnosticConverter::~DiagnosticConverter() = default;

bool DiagnosticConverter::onDisk(FileId file) const {
  return file.isValid() && !sources_.realPath(file).starts_with("<stdlib>");
}

const std::string &DiagnosticConverter::uri(FileId file) const {
  if (uris_.size() <= file.value)
    uris_.resize(file.value + 1);
  std::optional<std::string> &known = uris_[file.value];
  if (!known)
    known = uriOf_(sources_.realPath(file));
  return *known;
}

const LineIndex &DiagnosticConverter::index(FileId file) {
  std::unique_ptr<LineIndex> &slot = indexes_[file.value];
  if (!slot)
    slot = std::make_unique<LineIndex>(sources_.text(file));
  return *slot;
}

Range DiagnosticConverter::range(const SourceRange &range) {
  const LineIndex &lines = index(range.file);
  return Range{lines.position(range.begin), lines.position(std::max(range.begin, range.end))};
}

Diagnostic DiagnosticConverter::convert(const diag::Diagnostic &diagnostic) {
  Diagnostic out;
  out.range = range(diagnostic.range);
  out.severity = toLspSeverity(diagnostic.severity);
  out.code = std::string(diag::ruleInfo(diagnostic.code).id);
  out.source = "mac";
  out.message = diagnostic.message;
  Location self{uri(diagnostic.range.file), out.range};
  for (const diag::Note &note : diagnostic.notes) {
    if (!onDisk(note.range.file))
      out.relatedInformation.push_back({self, note.message});
    else
      out.relatedInformation.push_back({{uri(note.range.file), range(note.range)}, note.message});
  }
  return out;
}

std::map<std::string, std::vector<Diagnostic>>
DiagnosticConverter::byDocument(const std::vector<diag::Diagnostic> &diagnostics,
                                const std::string &fallbackUri) {
  std::map<std::string, std::vector<Diagnostic>> documents;
  for (const diag::Diagnostic &diagnostic : diagnostics) {
    if (!diagnostic.range.isValid()) {
      Diagnostic out;
      out.severity = toLspSeverity(diagnostic.severity);
      out.code = std::string(diag::ruleInfo(diagnostic.code).id);
      out.source = "mac";
      out.message = diagnostic.message;
      documents[fallbackUri].push_back(std::move(out));
      continue;
    }
    if (!onDisk(diagnostic.range.file))
      continue;
    Diagnostic primary = convert(diagnostic);
    std::string home = uri(diagnostic.range.file);
    std::set<uint32_t> echoed;
    for (const diag::Note &note : diagnostic.notes) {
      if (!onDisk(note.range.file) || note.range.file == diagnostic.range.file ||
          !echoed.insert(note.range.file.value).second)
        continue;
      Diagnostic echo = primary;
      echo.range = range(note.range);
      echo.severity = DiagnosticSeverity::Information;
      echo.relatedInformation.insert(echo.relatedInformation.begin(),
                                     {{home, primary.range}, "reported here"});
      documents[uri(note.range.file)].push_back(std::move(echo));
    }
    documents[home].push_back(std::move(primary));
  }
  return documents;
}

} // namespace mac::lsp
