// formatFile, and the FilePrinter's shared machinery: source positions of
// constructs, properties sorted back into source order, names and conditions.
#include "compiler/format/format.h"

#include "compiler/format/condition_printer.h"
#include "compiler/format/file_printer.h"

#include <algorithm>
#include <map>

namespace mac::format {

std::string formatFile(const ast::File &file, const std::vector<syntax::Comment> &comments,
                       std::string_view source) {
  SourceText text(source);
  Writer writer(text, comments);
  FilePrinter(text, writer).print(file);
  return writer.finish();
}

std::string formatFile(const ast::File &file, const Notes &notes) {
  SourceText text({});
  Writer writer(text, {});
  FilePrinter printer(text, writer);
  printer.setNotes(&notes);
  printer.print(file);
  return writer.finish();
}

namespace {

/// Declarations written on one line; a synthesized file groups runs of them.
bool oneLine(ast::DeclKind kind) {
  using K = ast::DeclKind;
  return kind == K::Use || kind == K::Field || kind == K::Tag || kind == K::List ||
         kind == K::Segment;
}

} // namespace

void FilePrinter::print(const ast::File &file) {
  const ast::Decl *previous = nullptr;
  for (const ast::Decl *d : file.decls) {
    bool synthesized = !source_.has(d->range);
    if (synthesized && previous && !(previous->kind == d->kind && oneLine(d->kind)))
      writer_.blankLine();
    noteLines(d, true);
    decl(*d);
    noteLines(d, false);
    previous = d;
  }
}

void FilePrinter::noteLines(const ast::Node *node, bool before) {
  if (!notes_)
    return;
  const auto &lines = before ? notes_->before : notes_->after;
  auto found = lines.find(node);
  if (found == lines.end())
    return;
  for (const std::string &line : found->second)
    writer_.line(kNoOffset, kNoOffset, line.empty() ? "//" : "// " + line);
}

void FilePrinter::writeSorted(std::vector<Item> &items) {
  std::stable_sort(items.begin(), items.end(),
                   [](const Item &a, const Item &b) { return a.at < b.at; });
  for (const Item &item : items)
    item.write();
}

uint32_t FilePrinter::begin(const SourceRange &range) const {
  return source_.has(range) ? range.begin : kNoOffset;
}

uint32_t FilePrinter::end(const SourceRange &range) const {
  return source_.has(range) ? source_.statementEnd(range.end) : kNoOffset;
}

uint32_t FilePrinter::openBrace(const ast::Decl &decl) const {
  if (!source_.has(decl.range))
    return kNoOffset;
  uint32_t from = decl.range.begin;
  if (decl.display && source_.has(decl.display->range))
    from = decl.display->range.end;
  else if (source_.has(decl.name.range))
    from = decl.name.range.end;
  return source_.find(from, decl.range.end, '{');
}

uint32_t FilePrinter::closeBrace(const SourceRange &range) const {
  return source_.has(range) ? range.end - 1 : kNoOffset;
}

void FilePrinter::leaf(const SourceRange &first, const SourceRange &last, const std::string &text) {
  writer_.line(begin(first), end(last), text + ";");
}

uint32_t FilePrinter::find(const ast::Decl &decl, const std::vector<std::string_view> &words,
                           size_t nth) const {
  uint32_t brace = openBrace(decl);
  if (brace == kNoOffset)
    return kNoOffset;
  std::vector<uint32_t> found = source_.statementsStarting(brace, decl.range.end, words);
  return nth < found.size() ? found[nth] : kNoOffset;
}

std::string FilePrinter::header(std::string_view keyword, const ast::Decl &decl) const {
  std::string out = std::string(keyword) + " " + decl.name.text;
  if (decl.display)
    out += " " + spelling_.str(*decl.display);
  return out;
}

std::string FilePrinter::names(const std::vector<ast::Name> &list) const {
  std::string out;
  for (const ast::Name &name : list)
    out += (out.empty() ? "" : ", ") + name.text;
  return out;
}

std::vector<std::vector<const ast::Name *>>
FilePrinter::byStatement(const std::vector<ast::Name> &list) const {
  std::vector<std::vector<const ast::Name *>> groups;
  uint32_t previous = kNoOffset - 1;
  for (const ast::Name &name : list) {
    uint32_t semicolon =
        source_.has(name.range) ? source_.find(name.range.end, source_.size(), ';') : kNoOffset;
    if (groups.empty() || semicolon != previous)
      groups.emplace_back();
    groups.back().push_back(&name);
    previous = semicolon;
  }
  return groups;
}

std::string FilePrinter::condition(const ast::Condition *c, std::string_view prefix,
                                   std::string_view suffix, size_t indent) const {
  if (c == nullptr)
    return std::string(prefix) + "true" + std::string(suffix);
  if (indent == kNoIndent)
    indent = writer_.indentWidth();
  return conditionLines(*c, prefix, suffix, indent, spelling_);
}

} // namespace mac::format
