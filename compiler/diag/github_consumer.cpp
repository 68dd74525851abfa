// `mac check --format github`: one GitHub Actions workflow command per
// diagnostic (`::error file=...,line=...::message`), which the Actions runner
// turns into annotations on the pull request's changed lines.
#include "compiler/diag/consumers.h"

#include <fmt/format.h>
#include <llvm/Support/raw_ostream.h>

#include <algorithm>

namespace mac::diag {
namespace {

std::string_view commandFor(Severity severity) {
  switch (severity) {
  case Severity::Error:
    return "error";
  case Severity::Warning:
    return "warning";
  default:
    return "notice";
  }
}

/// Escapes workflow-command data; property values also escape `:` and `,`.
std::string escape(std::string_view text, bool isProperty) {
  std::string escaped;
  for (char c : text) {
    switch (c) {
    case '%':
      escaped += "%25";
      break;
    case '\r':
      escaped += "%0D";
      break;
    case '\n':
      escaped += "%0A";
      break;
    case ':':
      escaped += isProperty ? "%3A" : ":";
      break;
    case ',':
      escaped += isProperty ? "%2C" : ",";
      break;
    default:
      escaped += c;
    }
  }
  return escaped;
}

std::string placeOf(const SourceRange &range, const SourceManager &sources) {
  LineColumn position = sources.lineColumn(range.file, range.begin);
  return fmt::format("{}:{}:{}", sources.displayPath(range.file), position.line, position.column);
}

/// The message with the notes appended, one per line (GitHub shows them).
std::string fullMessage(const Diagnostic &diagnostic, const SourceManager &sources) {
  std::string message = diagnostic.message;
  for (const Note &note : diagnostic.notes) {
    message += "\nnote: ";
    if (note.range.isValid())
      message += placeOf(note.range, sources) + ": ";
    message += note.message;
  }
  return message;
}

} // namespace

void renderGithub(const std::vector<Diagnostic> &diagnostics, const SourceManager &sources,
                  const RenderOptions &options, llvm::raw_ostream &out) {
  llvm::ArrayRef<Diagnostic> shown = shownDiagnostics(diagnostics, options);
  for (const Diagnostic &diagnostic : shown) {
    const RuleInfo &rule = ruleInfo(diagnostic.code);
    std::string properties;
    if (diagnostic.range.isValid()) {
      const SourceRange &range = diagnostic.range;
      LineColumn begin = sources.lineColumn(range.file, range.begin);
      LineColumn end = sources.lineColumn(range.file, std::max(range.begin, range.end));
      properties = fmt::format("file={},line={},col={},endLine={},endColumn={},",
                               escape(sources.displayPath(range.file), true), begin.line,
                               begin.column, end.line, end.column);
    }
    properties += "title=" + escape(fmt::format("{} {}", rule.id, rule.name), true);
    out << "::" << commandFor(diagnostic.severity) << " " << properties
        << "::" << escape(fullMessage(diagnostic, sources), false) << "\n";
  }
  if (size_t omitted = diagnostics.size() - shown.size())
    out << "::notice title=mac::" << omitted << " more diagnostics not shown (the limit is "
        << options.limit << "; --max-diagnostics 0 shows all)\n";
}

} // namespace mac::diag
