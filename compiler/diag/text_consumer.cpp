// The default, human-readable output of `mac check`, modelled on clang:
// `path:line:col: error[MAC3001]: message`, then the source line with a caret
// line under the range, the notes, the fixes, and one summary line at the end.
#include "compiler/diag/consumers.h"

#include <fmt/format.h>
#include <llvm/Support/raw_ostream.h>

#include <algorithm>
#include <string_view>

namespace mac::diag {
namespace {

constexpr std::string_view kReset = "\033[0m";
constexpr std::string_view kBold = "\033[1m";
constexpr std::string_view kRed = "\033[1;31m";
constexpr std::string_view kMagenta = "\033[1;35m";
constexpr std::string_view kCyan = "\033[1;36m";
constexpr std::string_view kGreen = "\033[1;32m";

bool isUtf8Continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

class TextPrinter {
public:
  TextPrinter(const SourceManager &sources, const RenderOptions &options, llvm::raw_ostream &out)
      : sources_(sources), color_(options.color), out_(out) {}

  void print(const Diagnostic &diagnostic) {
    std::string_view word = severityName(diagnostic.severity);
    std::string label = fmt::format("{}[{}]", word, ruleInfo(diagnostic.code).id);
    printHeader(diagnostic.range, label, severityColor(diagnostic.severity), diagnostic.message);
    for (const Note &note : diagnostic.notes)
      printHeader(note.range, "note", kBold, note.message);
    for (const Fix &fix : diagnostic.fixes)
      out_ << "  fix: " << fix.message << "\n";
  }

private:
  static std::string_view severityColor(Severity severity) {
    switch (severity) {
    case Severity::Error:
      return kRed;
    case Severity::Warning:
      return kMagenta;
    default:
      return kCyan;
    }
  }

  void paint(std::string_view color, std::string_view text) {
    if (color_)
      out_ << color << text << kReset;
    else
      out_ << text;
  }

  /// `place: label: message`, then the source excerpt when there is a place.
  void printHeader(const SourceRange &range, std::string_view label, std::string_view color,
                   std::string_view message) {
    std::string place = "mac";
    LineColumn position;
    if (range.isValid()) {
      position = sources_.lineColumn(range.file, range.begin);
      place =
          fmt::format("{}:{}:{}", sources_.displayPath(range.file), position.line, position.column);
    }
    paint(kBold, place + ":");
    out_ << " ";
    paint(color, std::string(label) + ":");
    out_ << " ";
    paint(kBold, message);
    out_ << "\n";
    if (range.isValid())
      printExcerpt(range, position);
  }

  static constexpr size_t kMaxExcerpt = 160;

  /// The source line and a caret line; the range is clipped to its first line.
  void printExcerpt(const SourceRange &range, LineColumn position) {
    std::string_view line = sources_.lineText(range.file, position.line);
    size_t begin = std::min<size_t>(position.column - 1, line.size());
    size_t length = range.end > range.begin ? range.end - range.begin : 0;
    size_t end = std::min(line.size(), begin + length);
    // Very long lines (minified HTML, generated input) are shown as a window
    // around the range, marked with `...` where cut.
    std::string prefix, suffix;
    if (line.size() > kMaxExcerpt) {
      size_t from = begin > kMaxExcerpt / 3 ? begin - kMaxExcerpt / 3 : 0;
      while (from > 0 && isUtf8Continuation(line[from]))
        --from;
      size_t to = std::min(line.size(), from + kMaxExcerpt);
      while (to < line.size() && isUtf8Continuation(line[to]))
        ++to;
      prefix = from > 0 ? "..." : "";
      suffix = to < line.size() ? "..." : "";
      line = line.substr(from, to - from);
      begin -= from;
      end = std::min(end - from, line.size());
    }
    std::string carets(prefix.size(), ' ');
    for (size_t i = 0; i < begin; ++i)
      if (!isUtf8Continuation(line[i]))
        carets += line[i] == '\t' ? '\t' : ' ';
    std::string underline = "^";
    for (size_t i = begin + 1; i < end; ++i)
      if (!isUtf8Continuation(line[i]))
        underline += '~';
    out_ << prefix << line << suffix << "\n" << carets;
    paint(kGreen, underline);
    out_ << "\n";
  }

  const SourceManager &sources_;
  bool color_;
  llvm::raw_ostream &out_;
};

std::string countWord(size_t count, std::string_view singular) {
  return fmt::format("{} {}{}", count, singular, count == 1 ? "" : "s");
}

} // namespace

void renderText(const std::vector<Diagnostic> &diagnostics, const SourceManager &sources,
                const RenderOptions &options, llvm::raw_ostream &out) {
  TextPrinter printer(sources, options, out);
  llvm::ArrayRef<Diagnostic> shown = shownDiagnostics(diagnostics, options);
  for (const Diagnostic &diagnostic : shown)
    printer.print(diagnostic);
  if (diagnostics.empty())
    return;
  if (size_t omitted = diagnostics.size() - shown.size())
    out << countWord(omitted, "more diagnostic") << " not shown (the limit is " << options.limit
        << "; --max-diagnostics 0 shows all).\n";
  SeverityCounts counts = countSeverities(diagnostics);
  out << countWord(counts.errors, "error") << ", " << countWord(counts.warnings, "warning") << ", "
      << countWord(counts.infos, "info") << " generated.\n";
}

} // namespace mac::diag
