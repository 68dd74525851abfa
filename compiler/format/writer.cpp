// Line writing and comment placement for the printer (see writer.h).
#include "compiler/format/writer.h"

#include <algorithm>

namespace mac::format {

Writer::Writer(const SourceText &source, const std::vector<syntax::Comment> &comments)
    : source_(source), comments_(comments) {
  std::stable_sort(comments_.begin(), comments_.end(),
                   [](const syntax::Comment &a, const syntax::Comment &b) {
                     return a.range.begin < b.range.begin;
                   });
}

std::string Writer::commentText(const syntax::Comment &comment) const {
  std::string text(source_.slice(comment.range));
  if (!comment.isBlock)
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r'))
      text.pop_back();
  return text;
}

void Writer::writeLine(std::string_view text) {
  out_.append(indent_ * 2, ' ');
  out_ += text;
  out_ += '\n';
  blockStart_ = false;
}

void Writer::blankLine() {
  if (!out_.empty() && !out_.ends_with("\n\n") && !out_.ends_with("{\n"))
    out_ += '\n';
}

void Writer::blankBefore(uint32_t begin) {
  if (!blockStart_ && lastEnd_ != kNoOffset && begin != kNoOffset &&
      source_.blankLineBetween(lastEnd_, begin))
    blankLine();
}

void Writer::leading(uint32_t before) {
  if (before == kNoOffset)
    return;
  while (next_ < comments_.size() && comments_[next_].range.begin < before) {
    const syntax::Comment &comment = comments_[next_++];
    blankBefore(comment.range.begin);
    writeLine(commentText(comment));
    lastEnd_ = comment.range.end;
  }
}

void Writer::trailing() {
  if (lastEnd_ == kNoOffset)
    return;
  while (next_ < comments_.size() && source_.sameLine(lastEnd_, comments_[next_].range.begin)) {
    const syntax::Comment &comment = comments_[next_++];
    out_.pop_back(); // the newline
    out_ += ' ';
    trailingAt_.push_back(out_.size());
    out_ += commentText(comment);
    out_ += '\n';
    lastEnd_ = comment.range.end;
  }
}

void Writer::line(uint32_t begin, uint32_t end, std::string_view text) {
  leading(begin);
  blankBefore(begin);
  leading(end); // comments inside the construct go above it
  writeLine(text);
  if (end != kNoOffset)
    lastEnd_ = end;
  trailing();
}

void Writer::open(uint32_t begin, uint32_t brace, std::string_view header) {
  leading(begin);
  blankBefore(begin);
  leading(brace);
  writeLine(std::string(header) + " {");
  if (brace != kNoOffset)
    lastEnd_ = brace + 1;
  trailing();
  open_.push_back({out_.size()});
  ++indent_;
  blockStart_ = true;
}

void Writer::close(uint32_t brace) {
  leading(brace);
  if (indent_ > 0)
    --indent_;
  size_t mark = open_.empty() ? 0 : open_.back().mark;
  if (!open_.empty())
    open_.pop_back();
  if (out_.size() == mark && out_.ends_with(" {\n")) {
    out_.pop_back(); // `header {}` for an empty block
    out_ += "}\n";
  } else {
    writeLine("}");
  }
  if (brace != kNoOffset)
    lastEnd_ = brace + 1;
  trailing();
  blockStart_ = false;
}

void Writer::closeAndOpen(uint32_t closeBrace, uint32_t openBrace, std::string_view middle) {
  leading(closeBrace);
  if (indent_ > 0)
    --indent_;
  if (!open_.empty())
    open_.pop_back();
  writeLine("} " + std::string(middle) + " {");
  if (closeBrace != kNoOffset)
    lastEnd_ = closeBrace + 1;
  trailing(); // `} // …` on the same line
  ++indent_;
  blockStart_ = true;
  size_t before = next_;
  leading(openBrace); // comments around `else` open the new block
  if (openBrace != kNoOffset && next_ == before) {
    lastEnd_ = openBrace + 1;
    trailing();
  } else if (openBrace != kNoOffset) {
    lastEnd_ = openBrace + 1;
  }
  open_.push_back({out_.size()});
}

namespace {

/// Display width of UTF-8 text (code points).
size_t width(std::string_view text) {
  return std::count_if(text.begin(), text.end(),
                       [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; });
}

} // namespace

std::string Writer::aligned() const {
  // Each line, and where its trailing comment starts (npos: none).
  std::vector<std::pair<std::string_view, size_t>> lines;
  std::string_view all = out_;
  size_t next = 0;
  for (size_t start = 0; start < all.size();) {
    size_t stop = all.find('\n', start);
    stop = stop == std::string_view::npos ? all.size() : stop;
    while (next < trailingAt_.size() && trailingAt_[next] < start)
      ++next;
    bool has = next < trailingAt_.size() && trailingAt_[next] < stop;
    lines.push_back({all.substr(start, stop - start),
                     has ? trailingAt_[next] - start : std::string_view::npos});
    start = stop + 1;
  }
  std::string out;
  for (size_t i = 0; i < lines.size();) {
    size_t end = i;
    size_t column = 0;
    while (end < lines.size() && lines[end].second != std::string_view::npos)
      column = std::max(column, width(lines[end].first.substr(0, lines[end].second - 1))), ++end;
    if (end == i) {
      out += lines[i++].first;
      out += '\n';
      continue;
    }
    for (; i < end; ++i) { // a run of lines with trailing comments: one column
      std::string_view code = lines[i].first.substr(0, lines[i].second - 1);
      out += code;
      out.append(column - width(code) + 1, ' ');
      out += lines[i].first.substr(lines[i].second);
      out += '\n';
    }
  }
  return out;
}

std::string Writer::finish() {
  indent_ = 0;
  leading(static_cast<uint32_t>(source_.size()) + 1);
  while (out_.ends_with("\n\n"))
    out_.pop_back();
  return aligned();
}

} // namespace mac::format
