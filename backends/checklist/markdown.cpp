// The Markdown writer (see markdown.h).
#include "backends/checklist/markdown.h"

namespace mac::backend::checklist {

void Markdown::blankLine() {
  if (!text_.empty() && text_.compare(text_.size() - std::min<size_t>(2, text_.size()),
                                      std::string::npos, "\n\n") != 0)
    text_ += "\n";
}

void Markdown::heading(int level, std::string_view text) {
  endList();
  blankLine();
  text_.append(static_cast<size_t>(level), '#').append(" ").append(text).append("\n\n");
}

void Markdown::paragraph(std::string_view text) {
  endList();
  text_.append(text).append("\n\n");
}

void Markdown::item(int depth, std::string_view text) {
  inList_ = true;
  text_.append(static_cast<size_t>(depth) * 3, ' ').append("- ").append(text).append("\n");
}

void Markdown::numbered(int number, std::string_view text) {
  inList_ = true;
  text_.append(std::to_string(number)).append(". ").append(text).append("\n");
}

void Markdown::endList() {
  if (inList_)
    text_ += "\n";
  inList_ = false;
}

namespace {
std::string cell(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '|')
      out += "\\|";
    else if (c == '\n')
      out += ' ';
    else
      out += c;
  }
  return out;
}
} // namespace

void Markdown::table(const std::vector<std::string> &header,
                     const std::vector<std::vector<std::string>> &rows) {
  endList();
  auto line = [&](const std::vector<std::string> &cells) {
    text_ += "|";
    for (const std::string &c : cells)
      text_.append(" ").append(cell(c)).append(" |");
    text_ += "\n";
  };
  line(header);
  text_ += "|";
  for (size_t i = 0; i < header.size(); ++i)
    text_ += "---|";
  text_ += "\n";
  for (const std::vector<std::string> &row : rows)
    line(row);
  text_ += "\n";
}

std::string code(std::string_view text) {
  std::string fence = text.find('`') == std::string_view::npos ? "`" : "``";
  std::string pad = fence.size() > 1 ? " " : "";
  return fence + pad + std::string(text) + pad + fence;
}

std::string bold(std::string_view text) { return "**" + std::string(text) + "**"; }

std::string plain(std::string_view markdown) {
  std::string out;
  for (size_t i = 0; i < markdown.size(); ++i) {
    if (markdown[i] == '`' ||
        (markdown[i] == '*' && i + 1 < markdown.size() && markdown[i + 1] == '*' && (++i, true)))
      continue;
    out += markdown[i];
  }
  return out;
}

} // namespace mac::backend::checklist
