// `mac check --format json`: the one JSON object of LANGUAGE.md §9, with keys
// in the documented order. Tools and CI gates parse this, so its shape only
// ever grows; lines and columns are 1-based and columns count bytes.
#include "compiler/diag/consumers.h"

#include <llvm/Support/raw_ostream.h>
#include <nlohmann/json.hpp>

#include <algorithm>

namespace mac::diag {
namespace {

using Json = nlohmann::ordered_json;

/// Adds `file`, `line`, `column` (and the end position when `withEnd`).
void addPlace(Json &object, const SourceRange &range, const SourceManager &sources, bool withEnd) {
  if (!range.isValid())
    return;
  LineColumn begin = sources.lineColumn(range.file, range.begin);
  object["file"] = sources.displayPath(range.file);
  object["line"] = begin.line;
  object["column"] = begin.column;
  if (!withEnd)
    return;
  LineColumn end = sources.lineColumn(range.file, std::max(range.begin, range.end));
  object["end_line"] = end.line;
  object["end_column"] = end.column;
}

Json fixJson(const Fix &fix, const SourceManager &sources) {
  Json edits = Json::array();
  for (const Edit &edit : fix.edits) {
    Json object = Json::object();
    addPlace(object, edit.range, sources, true);
    object["text"] = edit.text;
    edits.push_back(std::move(object));
  }
  Json object = Json::object();
  object["message"] = fix.message;
  object["edits"] = std::move(edits);
  return object;
}

Json diagnosticJson(const Diagnostic &diagnostic, const SourceManager &sources) {
  const RuleInfo &rule = ruleInfo(diagnostic.code);
  Json object = Json::object();
  object["code"] = rule.id;
  object["name"] = rule.name;
  object["severity"] = severityName(diagnostic.severity);
  object["message"] = diagnostic.message;
  addPlace(object, diagnostic.range, sources, true);
  Json notes = Json::array();
  for (const Note &note : diagnostic.notes) {
    Json noteObject = Json::object();
    noteObject["message"] = note.message;
    addPlace(noteObject, note.range, sources, false);
    notes.push_back(std::move(noteObject));
  }
  object["notes"] = std::move(notes);
  Json fixes = Json::array();
  for (const Fix &fix : diagnostic.fixes)
    fixes.push_back(fixJson(fix, sources));
  object["fixes"] = std::move(fixes);
  return object;
}

} // namespace

void renderJson(const std::vector<Diagnostic> &diagnostics, const SourceManager &sources,
                const RenderOptions &options, llvm::raw_ostream &out) {
  Json list = Json::array();
  llvm::ArrayRef<Diagnostic> shown = shownDiagnostics(diagnostics, options);
  for (const Diagnostic &diagnostic : shown)
    list.push_back(diagnosticJson(diagnostic, sources));
  Json root = Json::object();
  root["version"] = 1;
  root["diagnostics"] = std::move(list);
  SeverityCounts counts = countSeverities(diagnostics);
  Json summary = Json::object();
  summary["errors"] = counts.errors;
  summary["warnings"] = counts.warnings;
  summary["infos"] = counts.infos;
  summary["files"] = options.fileCount;
  // Only under a limit that left some out, so unlimited output keeps §9's shape.
  if (size_t omitted = diagnostics.size() - shown.size())
    summary["omitted"] = omitted;
  root["summary"] = std::move(summary);
  // Invalid UTF-8 in a message is replaced rather than thrown: never throw.
  out << root.dump(2, ' ', false, Json::error_handler_t::replace) << "\n";
}

} // namespace mac::diag
