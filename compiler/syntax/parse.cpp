// parseFile: size and UTF-8 checks, lexing, the nesting bound, parsing with
// mac's error strategy, AST building, mac-ignore attachment. The ANTLR parse
// tree and token stream die at the end of this function.
#include "compiler/syntax/parse.h"

#include "compiler/syntax/ast_builder.h"
#include "compiler/syntax/error_strategy.h"
#include "compiler/syntax/ignore_comments.h"
#include "compiler/syntax/input_checks.h"

#include "FlowLexer.h"
#include "FlowParser.h"

namespace mac::syntax {
namespace {

using gen::FlowLexer;

/// Reports MAC0006 and returns false if brackets (and runs of `not`) nest
/// deeper than `limit` (ANTLR's recursive descent, and every later walk of
/// conditions, would overflow the stack otherwise).
bool checkNesting(const std::vector<antlr4::Token *> &tokens, const OffsetMap &offsets,
                  FileId file, uint32_t limit, diag::Engine &diags) {
  uint32_t depth = 0;
  uint32_t negations = 0; // a run of `not`: each one nests a condition
  for (antlr4::Token *token : tokens) {
    if (token->getType() == FlowLexer::K_NOT) {
      if (depth + ++negations > limit) {
        uint32_t at = offsets.byteOffset(token->getStartIndex());
        diags.report(diag::Code::NestingTooDeep, SourceRange{file, at, at + 3}, limit);
        return false;
      }
      continue;
    }
    if (token->getChannel() == antlr4::Token::DEFAULT_CHANNEL)
      negations = 0;
    switch (token->getType()) {
    case FlowLexer::LBRACE:
    case FlowLexer::LPAREN:
    case FlowLexer::LBRACKET:
      if (++depth > limit) {
        uint32_t at = offsets.byteOffset(token->getStartIndex());
        diags.report(diag::Code::NestingTooDeep, SourceRange{file, at, at + 1}, limit);
        return false;
      }
      break;
    case FlowLexer::RBRACE:
    case FlowLexer::RPAREN:
    case FlowLexer::RBRACKET:
      if (depth > 0)
        --depth;
      break;
    default:
      break;
    }
  }
  return true;
}

} // namespace

std::unique_ptr<ast::File> parseFile(const SourceManager &sources, FileId fileId,
                                     diag::Engine &diags, const ParseLimits &limits) {
  auto file = std::make_unique<ast::File>();
  file->file = fileId;
  std::string_view text = sources.text(fileId);
  if (!checkSize(text, fileId, limits.maxFileBytes, diags) || !checkUtf8(text, fileId, diags))
    return file;

  try {
    OffsetMap offsets(text);
    antlr4::ANTLRInputStream input(text.data(), text.size());
    FlowLexer lexer(&input);
    lexer.removeErrorListeners();
    antlr4::CommonTokenStream tokens(&lexer);
    tokens.fill();
    if (!checkNesting(tokens.getTokens(), offsets, fileId, limits.maxNesting, diags))
      return file;

    std::vector<SyntaxError> errors;
    gen::FlowParser parser(&tokens);
    parser.removeErrorListeners();
    parser.setErrorHandler(std::make_shared<FlowErrorStrategy>(errors));
    gen::FlowParser::FileContext *tree = parser.file();
    for (const SyntaxError &error : errors)
      diags.report(diag::Code::SyntaxError,
                   SourceRange{fileId, offsets.byteOffset(error.begin),
                               offsets.byteOffset(error.end)},
                   error.message);

    AstBuilder builder(*file, offsets, diags);
    builder.build(tree);

    std::vector<CommentText> comments;
    for (antlr4::Token *token : tokens.getTokens())
      if (token->getType() == FlowLexer::LINE_COMMENT) {
        uint32_t begin = offsets.byteOffset(token->getStartIndex());
        uint32_t end = offsets.byteOffset(token->getStopIndex() + 1);
        comments.push_back({begin, text.substr(begin, end - begin)});
      }
    attachIgnores(comments, builder.takeAttachables(), *file);
  } catch (const std::exception &e) {
    diags.report(diag::Code::SyntaxError, SourceRange{fileId, 0, 0},
                 std::string("the parser stopped: ") + e.what());
  }
  return file;
}

} // namespace mac::syntax
