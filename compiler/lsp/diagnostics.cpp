// Conversion of mac diagnostics to LSP diagnostics (see diagnostics.h).
#include "compiler/lsp/diagnostics.h"

#include <llvm/ADT/STLExtras.h>
#include <llvm/ADT/SmallVector.h>
#include <llvm/Support/xxhash.h>

#include <algorithm>

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
    : sources_(sources), uriOf_(std::move(uriOf)) {
  // uri() hands out references into uris_: it must never grow afterwards.
  uris_.resize(sources_.fileCount());
  fileHashes_.resize(sources_.fileCount());
}

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

void DiagnosticConverter::forEachEntry(
    const std::vector<diag::Diagnostic> &diagnostics, const std::string &fallbackUri,
    const std::function<void(const std::string &uri, size_t index, Placement placement,
                             const diag::Note *note)> &visit) {
  for (size_t i = 0; i < diagnostics.size(); ++i) {
    const diag::Diagnostic &diagnostic = diagnostics[i];
    if (!diagnostic.range.isValid()) {
      visit(fallbackUri, i, Placement::Fallback, nullptr);
      continue;
    }
    if (!onDisk(diagnostic.range.file))
      continue;
    // One echo in each other file the notes reach, at the first note there.
    llvm::SmallVector<uint32_t, 4> echoed;
    for (const diag::Note &note : diagnostic.notes) {
      if (!onDisk(note.range.file) || note.range.file == diagnostic.range.file ||
          llvm::is_contained(echoed, note.range.file.value))
        continue;
      echoed.push_back(note.range.file.value);
      visit(uri(note.range.file), i, Placement::Echo, &note);
    }
    visit(uri(diagnostic.range.file), i, Placement::Primary, nullptr);
  }
}

std::map<std::string, std::vector<Diagnostic>>
DiagnosticConverter::byDocument(const std::vector<diag::Diagnostic> &diagnostics,
                                const std::string &fallbackUri,
                                const std::function<bool(const std::string &uri)> &wanted) {
  std::map<std::string, std::vector<Diagnostic>> documents;
  // Entries come file by file (the diagnostics are sorted): the last URI's
  // answer is reused instead of asking again for every entry.
  const std::string *lastUri = nullptr;
  bool lastWanted = false;
  forEachEntry(
      diagnostics, fallbackUri,
      [&](const std::string &uri, size_t index, Placement placement, const diag::Note *note) {
        if (&uri != lastUri) {
          lastUri = &uri;
          lastWanted = !wanted || wanted(uri);
        }
        if (!lastWanted)
          return;
        const diag::Diagnostic &diagnostic = diagnostics[index];
        if (placement == Placement::Fallback) {
          Diagnostic out;
          out.severity = toLspSeverity(diagnostic.severity);
          out.code = std::string(diag::ruleInfo(diagnostic.code).id);
          out.source = "mac";
          out.message = diagnostic.message;
          documents[uri].push_back(std::move(out));
          return;
        }
        Diagnostic converted = convert(diagnostic);
        if (placement == Placement::Echo) {
          Range home = converted.range;
          converted.range = range(note->range);
          converted.severity = DiagnosticSeverity::Information;
          converted.relatedInformation.insert(
              converted.relatedInformation.begin(),
              {{this->uri(diagnostic.range.file), home}, "reported here"});
        }
        documents[uri].push_back(std::move(converted));
      });
  return documents;
}

uint64_t DiagnosticConverter::fileHash(FileId file) {
  if (!onDisk(file))
    return 0;
  if (fileHashes_.size() <= file.value)
    fileHashes_.resize(file.value + 1);
  std::optional<uint64_t> &known = fileHashes_[file.value];
  if (!known) {
    std::string key = uri(file);
    key += '\0';
    key += sources_.text(file);
    known = llvm::xxHash64(key);
  }
  return *known;
}

std::map<std::string, uint64_t>
DiagnosticConverter::fingerprints(const std::vector<diag::Diagnostic> &diagnostics,
                                  const std::string &fallbackUri) {
  // Everything convert() reads, per diagnostic: code, severity, message,
  // ranges as offsets plus the URI and text of their files (which fix the
  // positions), and the notes.
  auto hashRange = [&](std::string &key, const SourceRange &range) {
    uint64_t words[3] = {fileHash(range.file), range.begin, range.end};
    key.append(reinterpret_cast<const char *>(words), sizeof words);
  };
  std::vector<uint64_t> hashes(diagnostics.size());
  std::string key;
  for (size_t i = 0; i < diagnostics.size(); ++i) {
    const diag::Diagnostic &diagnostic = diagnostics[i];
    key.clear();
    key += static_cast<char>(diagnostic.code);
    key += static_cast<char>(static_cast<uint16_t>(diagnostic.code) >> 8);
    key += static_cast<char>(diagnostic.severity);
    key += diagnostic.message;
    key += '\0';
    hashRange(key, diagnostic.range);
    for (const diag::Note &note : diagnostic.notes) {
      key += note.message;
      key += '\0';
      hashRange(key, note.range);
    }
    hashes[i] = llvm::xxHash64(key);
  }
  std::map<std::string, std::string> lists; // per URI: the entries' hashes
  const std::string *lastUri = nullptr;     // entries come file by file
  std::string *lastList = nullptr;
  forEachEntry(
      diagnostics, fallbackUri,
      [&](const std::string &uri, size_t index, Placement placement, const diag::Note *note) {
        uint64_t entry[3] = {hashes[index], static_cast<uint64_t>(placement), 0};
        if (note) {
          entry[2] = static_cast<uint64_t>(note - diagnostics[index].notes.data()) + 1;
        }
        if (&uri != lastUri) {
          lastUri = &uri;
          lastList = &lists[uri];
        }
        lastList->append(reinterpret_cast<const char *>(entry), sizeof entry);
      });
  std::map<std::string, uint64_t> fingerprints;
  for (const auto &[uri, list] : lists)
    fingerprints[uri] = llvm::xxHash64(list);
  return fingerprints;
}

} // namespace mac::lsp
