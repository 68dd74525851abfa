// `mac check --format sarif`: a SARIF 2.1.0 log for code-scanning services.
// The driver lists every registry rule; results point into it by index.
// SARIF has no byte columns, so columns are counted in Unicode code points
// (`columnKind: unicodeCodePoints`), which equals bytes for ASCII text.
#include "compiler/diag/consumers.h"

#include <fmt/format.h>
#include <llvm/Support/raw_ostream.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <map>

namespace mac::diag {
namespace {

using Json = nlohmann::ordered_json;

constexpr std::string_view kSchema = "https://json.schemastore.org/sarif-2.1.0.json";

std::string_view sarifLevel(Severity severity) {
  switch (severity) {
  case Severity::Error:
    return "error";
  case Severity::Warning:
    return "warning";
  default:
    return "note";
  }
}

std::string_view trimmed(std::string_view text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == ' '))
    text.remove_suffix(1);
  return text;
}

/// A relative path as a URI reference: unreserved bytes and `/` stay as is.
std::string uriOf(std::string_view path) {
  std::string uri;
  for (char c : path) {
    auto byte = static_cast<unsigned char>(c);
    if (std::isalnum(byte) || std::string_view("-._~/").find(c) != std::string_view::npos)
      uri += c;
    else
      uri += fmt::format("%{:02X}", static_cast<unsigned>(byte));
  }
  return uri;
}

Json artifactLocation(FileId file, const SourceManager &sources) {
  Json location = Json::object();
  location["uri"] = uriOf(sources.displayPath(file));
  location["uriBaseId"] = "%SRCROOT%";
  return location;
}

/// Line and code-point column of a byte offset.
LineColumn codePointPosition(FileId file, uint32_t offset, const SourceManager &sources) {
  LineColumn position = sources.lineColumn(file, offset);
  std::string_view line = sources.lineText(file, position.line);
  std::string_view prefix = line.substr(0, std::min<size_t>(position.column - 1, line.size()));
  uint32_t column = 1 + static_cast<uint32_t>(position.column - 1 - prefix.size());
  for (char c : prefix)
    column += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return {position.line, column};
}

Json region(const SourceRange &range, const SourceManager &sources) {
  LineColumn begin = codePointPosition(range.file, range.begin, sources);
  LineColumn end = codePointPosition(range.file, std::max(range.begin, range.end), sources);
  Json object = Json::object();
  object["startLine"] = begin.line;
  object["startColumn"] = begin.column;
  object["endLine"] = end.line;
  object["endColumn"] = end.column;
  return object;
}

Json location(const SourceRange &range, const SourceManager &sources) {
  Json physical = Json::object();
  physical["artifactLocation"] = artifactLocation(range.file, sources);
  physical["region"] = region(range, sources);
  Json object = Json::object();
  object["physicalLocation"] = std::move(physical);
  return object;
}

Json ruleJson(const RuleInfo &rule) {
  Json object = Json::object();
  object["id"] = rule.id;
  object["name"] = rule.name;
  object["shortDescription"] = {{"text", rule.summary}};
  object["fullDescription"] = {{"text", trimmed(rule.explanation)}};
  object["defaultConfiguration"] = {{"level", sarifLevel(rule.defaultSeverity)}};
  object["properties"] = {{"category", rule.category}};
  return object;
}

/// A fix, with its edits grouped per file; null when no edit has a place.
Json fixJson(const Fix &fix, const SourceManager &sources) {
  std::map<uint32_t, Json> replacementsByFile;
  for (const Edit &edit : fix.edits) {
    if (!edit.range.isValid())
      continue;
    Json replacement = Json::object();
    replacement["deletedRegion"] = region(edit.range, sources);
    replacement["insertedContent"] = {{"text", edit.text}};
    replacementsByFile[edit.range.file.value].push_back(std::move(replacement));
  }
  if (replacementsByFile.empty())
    return nullptr;
  Json changes = Json::array();
  for (auto &[file, replacements] : replacementsByFile) {
    Json change = Json::object();
    change["artifactLocation"] = artifactLocation(FileId{file}, sources);
    change["replacements"] = std::move(replacements);
    changes.push_back(std::move(change));
  }
  Json object = Json::object();
  object["description"] = {{"text", fix.message}};
  object["artifactChanges"] = std::move(changes);
  return object;
}

Json resultJson(const Diagnostic &diagnostic, const SourceManager &sources) {
  const RuleInfo &rule = ruleInfo(diagnostic.code);
  Json object = Json::object();
  object["ruleId"] = rule.id;
  object["ruleIndex"] = static_cast<size_t>(diagnostic.code);
  object["level"] = sarifLevel(diagnostic.severity);
  object["message"] = {{"text", diagnostic.message}};
  if (diagnostic.range.isValid())
    object["locations"] = Json::array({location(diagnostic.range, sources)});
  if (!diagnostic.notes.empty()) {
    Json related = Json::array();
    for (size_t i = 0; i < diagnostic.notes.size(); ++i) {
      const Note &note = diagnostic.notes[i];
      Json entry = note.range.isValid() ? location(note.range, sources) : Json::object();
      entry["id"] = i;
      entry["message"] = {{"text", note.message}};
      related.push_back(std::move(entry));
    }
    object["relatedLocations"] = std::move(related);
  }
  Json fixes = Json::array();
  for (const Fix &fix : diagnostic.fixes)
    if (Json json = fixJson(fix, sources); !json.is_null())
      fixes.push_back(std::move(json));
  if (!fixes.empty())
    object["fixes"] = std::move(fixes);
  return object;
}

} // namespace

void renderSarif(const std::vector<Diagnostic> &diagnostics, const SourceManager &sources,
                 const RenderOptions &options, llvm::raw_ostream &out) {
  Json rules = Json::array();
  for (const RuleInfo &rule : allRules())
    rules.push_back(ruleJson(rule));
  Json driver = Json::object();
  driver["name"] = "mac";
  if (!options.toolVersion.empty())
    driver["version"] = options.toolVersion;
  driver["rules"] = std::move(rules);

  Json results = Json::array();
  llvm::ArrayRef<Diagnostic> shown = shownDiagnostics(diagnostics, options);
  for (const Diagnostic &diagnostic : shown)
    results.push_back(resultJson(diagnostic, sources));

  Json run = Json::object();
  run["tool"] = {{"driver", std::move(driver)}};
  run["columnKind"] = "unicodeCodePoints";
  run["results"] = std::move(results);
  // SARIF's property bag: how many results a --max-diagnostics limit left out.
  if (size_t omitted = diagnostics.size() - shown.size())
    run["properties"] = {{"omittedResults", omitted}};

  Json root = Json::object();
  root["$schema"] = kSchema;
  root["version"] = "2.1.0";
  root["runs"] = Json::array({std::move(run)});
  out << root.dump(2, ' ', false, Json::error_handler_t::replace) << "\n";
}

} // namespace mac::diag
