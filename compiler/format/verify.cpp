// checkFormatted: re-parse, compare dumps, comments and statement counts.
#include "compiler/format/verify.h"

#include "compiler/format/ast_dump.h"
#include "compiler/format/source_text.h"

namespace mac::format {
namespace {

std::vector<std::string> commentTexts(const std::vector<syntax::Comment> &comments,
                                      std::string_view text) {
  std::vector<std::string> out;
  for (const syntax::Comment &comment : comments) {
    std::string body(text.substr(comment.range.begin, comment.range.end - comment.range.begin));
    while (!comment.isBlock && !body.empty() &&
           (body.back() == ' ' || body.back() == '\t' || body.back() == '\r'))
      body.pop_back();
    out.push_back(std::move(body));
  }
  return out;
}

size_t statementCount(std::string_view text) {
  SourceText source(text);
  size_t count = 0;
  for (uint32_t at = source.find(0, text.size(), ';'); at != kNoOffset;
       at = source.find(at + 1, text.size(), ';'))
    ++count;
  return count;
}

} // namespace

std::optional<std::string> checkFormatted(const ast::File &original,
                                          const std::vector<syntax::Comment> &comments,
                                          std::string_view originalText,
                                          std::string_view formatted) {
  SourceManager sources;
  FileId id = sources.addFile("formatted.flow", "", std::string(formatted));
  diag::Engine diags;
  syntax::ParseResult after = syntax::parseFileWithComments(sources, id, diags);
  if (diags.hasErrors())
    return std::string("the formatted text does not parse");
  if (dumpFile(original, originalText) != dumpFile(*after.file, sources.text(id)))
    return std::string("the formatted text does not mean the same");
  if (commentTexts(comments, originalText) != commentTexts(after.comments, sources.text(id)))
    return std::string("a comment was lost or moved out of order");
  if (statementCount(originalText) != statementCount(sources.text(id)))
    return std::string("a statement was lost");
  return std::nullopt;
}

} // namespace mac::format
