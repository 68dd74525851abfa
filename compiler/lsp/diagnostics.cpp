// Conversion of mac diagnostics to LSP diagnostics (see diagnostics.h).
#include "compiler/lsp/diagnostics.h"

#include <llvm/ADT/STLExtras.h>
#include <llvm/ADT/SmallVector.h>
#include <llvm/Support/xxhash.h>

#include <algorithm>
#include <tuple>

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
  uriHashes_.resize(sources_.fileCount());
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

template <class Visit>
void DiagnosticConverter::visitEntries(const std::vector<diag::Diagnostic> &diagnostics,
                                       const std::string &fallbackUri, Visit &&visit) {
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

void DiagnosticConverter::forEachEntry(
    const std::vector<diag::Diagnostic> &diagnostics, const std::string &fallbackUri,
    const std::function<void(const std::string &uri, size_t index, Placement placement,
                             const diag::Note *note)> &visit) {
  visitEntries(diagnostics, fallbackUri, visit);
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
  visitEntries(
      diagnostics, fallbackUri,
      [&](const std::string &uri, size_t index, Placement placement, const diag::Note *note) {
        if (&uri != lastUri) {
          lastUri = &uri;
          lastWanted = !wanted || wanted(uri);
        }
        if (!lastWanted)
          return;
        documents[uri].push_back(convertAt(diagnostics[index], placement, note));
      });
  return documents;
}

uint64_t DiagnosticConverter::uriHash(FileId file) {
  if (!onDisk(file))
    return 0;
  if (uriHashes_.size() <= file.value)
    uriHashes_.resize(file.value + 1);
  std::optional<uint64_t> &known = uriHashes_[file.value];
  if (!known)
    known = llvm::xxHash64(uri(file));
  return *known;
}

uint64_t DiagnosticConverter::hashOf(const diag::Diagnostic &diagnostic, std::string &key) {
  // Everything convert() reads: code, severity, message, and each range as
  // its file's URI and the two LSP positions; a range convert() does not
  // place (no file, or a stdlib one) as a marker.
  auto hashRange = [&](const SourceRange &range) {
    uint32_t words[6] = {0, 0, 0, 0, 0, 0};
    if (range.isValid() && onDisk(range.file)) {
      uint64_t uri = uriHash(range.file);
      const LineIndex &lines = index(range.file);
      Position begin = lines.position(range.begin);
      Position end = lines.position(std::max(range.begin, range.end));
      words[0] = static_cast<uint32_t>(uri);
      words[1] = static_cast<uint32_t>(uri >> 32);
      words[2] = begin.line;
      words[3] = begin.character;
      words[4] = end.line;
      words[5] = end.character;
    }
    key.append(reinterpret_cast<const char *>(words), sizeof words);
  };
  key.clear();
  key += static_cast<char>(diagnostic.code);
  key += static_cast<char>(static_cast<uint16_t>(diagnostic.code) >> 8);
  key += static_cast<char>(diagnostic.severity);
  key += diagnostic.message;
  key += '\0';
  hashRange(diagnostic.range);
  for (const diag::Note &note : diagnostic.notes) {
    key += note.message;
    key += '\0';
    hashRange(note.range);
  }
  return llvm::xxHash64(key);
}

bool DiagnosticConverter::sameAs(const diag::Diagnostic &a, const diag::Diagnostic &b,
                                 const std::vector<bool> &unchanged) const {
  auto sameRange = [&](const SourceRange &x, const SourceRange &y) {
    return x == y && (!x.isValid() || unchanged[x.file.value]);
  };
  if (a.code != b.code || a.severity != b.severity || !sameRange(a.range, b.range) ||
      a.notes.size() != b.notes.size() || a.message != b.message)
    return false;
  for (size_t i = 0; i < a.notes.size(); ++i)
    if (!sameRange(a.notes[i].range, b.notes[i].range) || a.notes[i].message != b.notes[i].message)
      return false;
  return true;
}

void DiagnosticConverter::plan(const std::vector<diag::Diagnostic> &diagnostics,
                               const std::string &fallbackUri,
                               const std::vector<const DiagnosticConverter *> &donors) {
  diagnostics_ = diagnostics;
  planned_ = true;
  hashes_.assign(diagnostics.size(), 0);
  entries_.clear();
  fingerprints_.clear();
  hashed_ = reused_ = 0;

  // 1. Per donor (an earlier analysis), the files unchanged since it: same
  //    path, URI and text (so the same positions). A donor lends hashes only
  //    when every file is where it was (file ids name the same files).
  uint32_t files = sources_.fileCount();
  for (uint32_t i = 0; i < files; ++i)
    if (onDisk(FileId{i}))
      uri(FileId{i}); // memoised now, while the documents are as they are
  struct Donor {
    const DiagnosticConverter *converter;
    std::vector<bool> unchanged;
    size_t next = 0; ///< its diagnostics before this one are behind the walk
  };
  std::vector<Donor> usable;
  for (const DiagnosticConverter *donor : donors) {
    if (!donor || !donor->planned_ || donor->hashes_.size() != donor->diagnostics_.size() ||
        donor->sources_.fileCount() != files)
      continue;
    Donor candidate{donor, std::vector<bool>(files, false)};
    bool comparable = true;
    for (uint32_t i = 0; comparable && i < files; ++i) {
      FileId file{i};
      comparable = donor->sources_.realPath(file) == sources_.realPath(file);
      candidate.unchanged[i] =
          comparable && (!onDisk(file) || (donor->sources_.text(file) == sources_.text(file) &&
                                           donor->uri(file) == uri(file)));
    }
    if (comparable)
      usable.push_back(std::move(candidate));
  }

  // 2. Each diagnostic's hash. All lists are sorted by (file rank, begin,
  //    end, code, message) (Engine::sortAndDeduplicate): walked side by side,
  //    a diagnostic equal to a donor's at the same place takes its hash. The
  //    walk only finds candidates; sameAs() decides.
  std::vector<uint32_t> rank(files);
  {
    std::vector<uint32_t> order(files);
    for (uint32_t i = 0; i < files; ++i)
      order[i] = i;
    std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
      const std::string &pathA = sources_.displayPath(FileId{a});
      const std::string &pathB = sources_.displayPath(FileId{b});
      return pathA != pathB ? pathA < pathB : a < b;
    });
    for (uint32_t i = 0; i < files; ++i)
      rank[order[i]] = i;
  }
  auto compare = [&](const diag::Diagnostic &a, const diag::Diagnostic &b) {
    auto key = [&](const diag::Diagnostic &d) {
      bool placed = d.range.isValid() && d.range.file.value < files;
      return std::make_tuple(placed ? 1 + rank[d.range.file.value] : 0, placed ? d.range.begin : 0,
                             placed ? d.range.end : 0, static_cast<uint32_t>(d.code));
    };
    auto ka = key(a), kb = key(b);
    if (ka != kb)
      return ka < kb ? -1 : 1;
    return a.message.compare(b.message);
  };
  std::string scratch;
  for (size_t i = 0; i < diagnostics.size(); ++i) {
    const diag::Diagnostic &diagnostic = diagnostics[i];
    bool found = false;
    for (Donor &donor : usable) {
      std::span<const diag::Diagnostic> old = donor.converter->diagnostics_;
      int order = 1;
      while (donor.next < old.size() && (order = compare(diagnostic, old[donor.next])) > 0)
        ++donor.next;
      if (donor.next < old.size() && order == 0 &&
          sameAs(diagnostic, old[donor.next], donor.unchanged)) {
        hashes_[i] = donor.converter->hashes_[donor.next++];
        found = true;
        break;
      }
    }
    if (found) {
      ++reused_;
      continue;
    }
    hashes_[i] = hashOf(diagnostic, scratch);
    ++hashed_;
  }

  // 3. Each document's entries, and its fingerprint: its entries' hashes in order.
  const std::string *lastUri = nullptr; // entries come file by file
  std::vector<Entry> *lastList = nullptr;
  visitEntries(
      diagnostics, fallbackUri,
      [&](const std::string &uri, size_t index, Placement placement, const diag::Note *note) {
        if (&uri != lastUri) {
          lastUri = &uri;
          lastList = &entries_[uri];
        }
        uint32_t noteIndex =
            note ? static_cast<uint32_t>(note - diagnostics[index].notes.data()) : 0;
        lastList->push_back({static_cast<uint32_t>(index), placement, noteIndex});
      });
  std::vector<uint64_t> words;
  for (const auto &[uri, list] : entries_) {
    words.clear();
    for (const Entry &entry : list) {
      words.push_back(hashes_[entry.index]);
      words.push_back(static_cast<uint64_t>(entry.placement) << 32 | entry.note);
    }
    fingerprints_[uri] = llvm::xxHash64(llvm::StringRef(
        reinterpret_cast<const char *>(words.data()), words.size() * sizeof(uint64_t)));
  }
}

const std::vector<DiagnosticConverter::Entry> &
DiagnosticConverter::entries(const std::string &uri) const {
  static const std::vector<Entry> none;
  auto it = entries_.find(uri);
  return it == entries_.end() ? none : it->second;
}

Diagnostic DiagnosticConverter::convertAt(const diag::Diagnostic &diagnostic, Placement placement,
                                          const diag::Note *note) {
  if (placement == Placement::Fallback) {
    Diagnostic out;
    out.severity = toLspSeverity(diagnostic.severity);
    out.code = std::string(diag::ruleInfo(diagnostic.code).id);
    out.source = "mac";
    out.message = diagnostic.message;
    return out;
  }
  Diagnostic converted = convert(diagnostic);
  if (placement == Placement::Echo) {
    Range home = converted.range;
    converted.range = range(note->range);
    converted.severity = DiagnosticSeverity::Information;
    converted.relatedInformation.insert(converted.relatedInformation.begin(),
                                        {{uri(diagnostic.range.file), home}, "reported here"});
  }
  return converted;
}

Diagnostic DiagnosticConverter::convertEntry(const Entry &entry) {
  const diag::Diagnostic &diagnostic = diagnostics_[entry.index];
  return convertAt(diagnostic, entry.placement,
                   entry.placement == Placement::Echo ? &diagnostic.notes[entry.note] : nullptr);
}

std::vector<Diagnostic> DiagnosticConverter::listOf(const std::string &uri) {
  std::vector<Diagnostic> list;
  const std::vector<Entry> &all = entries(uri);
  list.reserve(all.size());
  for (const Entry &entry : all)
    list.push_back(convertEntry(entry));
  return list;
}

} // namespace mac::lsp
