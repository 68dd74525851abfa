// A small Markdown writer for the build checklists (DEPLOY.md) of platforms
// without a create API: headings, paragraphs, bullet items at any depth and
// tables. It only appends text, so the same calls give the same bytes.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace mac::backend::checklist {

class Markdown {
public:
  /// `#`-heading of `level` (1..4), surrounded by blank lines.
  void heading(int level, std::string_view text);
  /// A paragraph (a blank line follows).
  void paragraph(std::string_view text);
  /// A bullet item indented `depth` levels (0 = top level).
  void item(int depth, std::string_view text);
  /// A numbered item `number.` at the top level.
  void numbered(int number, std::string_view text);
  /// Ends a list (a blank line, once).
  void endList();
  /// A table; cells are escaped for `|`.
  void table(const std::vector<std::string> &header,
             const std::vector<std::vector<std::string>> &rows);
  const std::string &str() const { return text_; }

private:
  void blankLine();
  std::string text_;
  bool inList_ = false;
};

/// `text` in backticks, choosing a fence that `text` does not contain.
std::string code(std::string_view text);
/// `text` in bold.
std::string bold(std::string_view text);
/// `markdown` without its `**` and backticks (for JSON output).
std::string plain(std::string_view markdown);

} // namespace mac::backend::checklist
