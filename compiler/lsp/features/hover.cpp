// textDocument/hover. On a declared name or a use of one: the declaration's
// kind, name and display string, its source line(s) in a ```flow block (a
// long block shows its first lines, `…` and its last line) and its doc
// comment, the `//` lines right above it. On a diagnostic's range: the rule
// id and name, its summary and its explanation, the text `mac explain`
// prints, with the examples as ```flow blocks. Both when both apply.
#include "compiler/lsp/features/handlers.h"
#include "compiler/lsp/features/request.h"

#include "compiler/diag/rule_docs.h"

#include <llvm/Support/raw_ostream.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

namespace mac::lsp::features {
namespace {

constexpr uint32_t kMaxDeclarationLines = 12;

std::string_view trim(std::string_view text) {
  size_t begin = text.find_first_not_of(" \t\r");
  if (begin == std::string_view::npos)
    return {};
  return text.substr(begin, text.find_last_not_of(" \t\r") - begin + 1);
}

/// The `//` comment lines right above line `line` (1-based), without `//`;
/// `mac-ignore` comments are lint control, not documentation.
std::vector<std::string_view> docComment(const SourceManager &sources, FileId file, uint32_t line) {
  std::vector<std::string_view> lines;
  for (uint32_t above = line - 1; above >= 1; --above) {
    std::string_view text = trim(sources.lineText(file, above));
    if (!text.starts_with("//"))
      break;
    text.remove_prefix(2);
    if (text.starts_with(" "))
      text.remove_prefix(1);
    if (trim(text).starts_with("mac-ignore"))
      break;
    lines.insert(lines.begin(), text);
  }
  return lines;
}

/// The source lines of a declaration, shortened when it is long.
std::string declarationLines(const SourceManager &sources, SourceRange range) {
  uint32_t first = sources.lineColumn(range.file, range.begin).line;
  uint32_t last =
      sources.lineColumn(range.file, range.end > range.begin ? range.end - 1 : range.end).line;
  std::string out;
  for (uint32_t line = first; line <= last; ++line) {
    if (last - first + 1 > kMaxDeclarationLines && line == first + kMaxDeclarationLines - 2) {
      out += "  …\n";
      line = last;
    }
    out += std::string(sources.lineText(range.file, line)) + "\n";
  }
  return out;
}

std::string symbolMarkdown(const Symbol &symbol, const SourceManager &sources) {
  std::string out = "**" + std::string(symbolKindName(symbol.kind)) + "** `" + symbol.name + "`";
  if (symbol.display != symbol.name)
    out += " — \"" + symbol.display + "\"";
  out += "\n";
  if (symbol.stdlib)
    out += "\nfrom the standard library (`" + sources.displayPath(symbol.range.file) + "`)\n";
  if (!symbol.range.isValid())
    return out;
  out += "\n```flow\n" + declarationLines(sources, symbol.range) + "```\n";
  uint32_t line = sources.lineColumn(symbol.range.file, symbol.range.begin).line;
  std::vector<std::string_view> doc = docComment(sources, symbol.range.file, line);
  if (!doc.empty()) {
    out += "\n";
    for (std::string_view text : doc)
      out += std::string(text) + "\n";
  }
  return out;
}

/// `mac explain`'s text as Markdown: its first line in bold, and each run
/// of indented example lines (blank lines inside included) in a fence.
std::string ruleMarkdown(diag::Code code) {
  std::string text;
  llvm::raw_string_ostream stream(text);
  diag::renderExplanation(code, stream);
  stream.flush();
  std::vector<std::string_view> lines;
  for (size_t at = 0; at < text.size();) {
    size_t newline = std::min(text.find('\n', at), text.size());
    lines.emplace_back(text.data() + at, newline - at);
    at = newline + 1;
  }
  std::string out;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (i == 0) {
      out += "**" + std::string(lines[0]) + "**\n";
      continue;
    }
    if (!lines[i].starts_with("    ")) {
      out += std::string(lines[i]) + "\n";
      continue;
    }
    out += "```flow\n";
    size_t last = i; // the last example line of the run
    for (size_t j = i; j < lines.size() && (lines[j].empty() || lines[j].starts_with("    ")); ++j)
      if (!lines[j].empty())
        last = j;
    for (; i <= last; ++i)
      out += std::string(lines[i].empty() ? "" : lines[i].substr(4)) + "\n";
    out += "```\n";
    --i;
  }
  return out;
}

} // namespace

Reply hover(Server &server, FeatureState &state, const Json &params) {
  DocumentRequest request;
  if (auto error = readRequest(server, params, true, request))
    return *error;
  if (!request.bundle)
    return Json(nullptr);
  const Bundle &bundle = *request.bundle;
  const SourceManager &sources = *bundle.sources;
  std::vector<std::string> sections;
  SourceRange range;
  if (const SymbolIndex *index = state.indexes.of(bundle))
    if (const Occurrence *occurrence = index->at(request.file, request.offset)) {
      sections.push_back(symbolMarkdown(index->symbol(occurrence->symbol), sources));
      range = occurrence->range;
    }
  std::vector<diag::Code> shown;
  for (const diag::Diagnostic &diagnostic : bundle.diagnostics) {
    const SourceRange &where = diagnostic.range;
    if (!(where.file == request.file) || request.offset < where.begin ||
        request.offset > where.end ||
        std::find(shown.begin(), shown.end(), diagnostic.code) != shown.end())
      continue;
    shown.push_back(diagnostic.code);
    sections.push_back(ruleMarkdown(diagnostic.code));
    if (!range.isValid())
      range = where;
  }
  if (sections.empty())
    return Json(nullptr);
  std::string markdown;
  for (const std::string &section : sections)
    markdown += (markdown.empty() ? "" : "\n---\n\n") + section;
  DiagnosticConverter converter = converterFor(server, bundle);
  return Json{{"contents", {{"kind", "markdown"}, {"value", markdown}}},
              {"range", toJson(converter.range(range))}};
}

} // namespace mac::lsp::features
