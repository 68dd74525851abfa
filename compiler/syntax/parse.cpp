// parseFile: size and UTF-8 checks, then the recursive-descent fast path
// (descent_parser.h) and, when it declines, the ANTLR path: lexing
// (FlowTokenSource), the nesting bound, parsing with mac's error strategy,
// AST building, mac-ignore attachment. The ANTLR parse tree and token stream die at the end of this
// function; the comments leave it as plain ranges (syntax::Comment), never as
// ANTLR tokens.
#include "compiler/syntax/parse.h"

#include "compiler/syntax/ast_builder.h"
#include "compiler/syntax/descent_parser.h"
#include "compiler/syntax/error_strategy.h"
#include "compiler/syntax/flow_token_source.h"
#include "compiler/syntax/ignore_comments.h"
#include "compiler/syntax/input_checks.h"

#include "FlowLexer.h"
#include "FlowParser.h"

#include <algorithm>
#include <cstdlib>

namespace mac::syntax {
namespace {

using gen::FlowLexer;

/// Reports MAC0006 and returns false if brackets (and runs of `not`) nest
/// deeper than `limit` (see NestingCounter), at the token that goes too deep.
bool checkNesting(const std::vector<antlr4::Token *> &tokens, const OffsetMap &offsets, FileId file,
                  uint32_t limit, diag::Engine &diags) {
  NestingCounter nesting(limit);
  for (antlr4::Token *token : tokens) {
    if (nesting.add(token->getType(), token->getChannel() != antlr4::Token::DEFAULT_CHANNEL))
      continue;
    uint32_t at = offsets.byteOffset(token->getStartIndex());
    uint32_t width = token->getType() == FlowLexer::K_NOT ? 3 : 1;
    diags.report(diag::Code::NestingTooDeep, SourceRange{file, at, at + width}, limit);
    return false;
  }
  return true;
}

/// Every `//` and `/* */` comment of `tokens`, in source order.
std::vector<Comment> collectComments(const std::vector<antlr4::Token *> &tokens,
                                     const OffsetMap &offsets, FileId file) {
  std::vector<Comment> comments;
  for (antlr4::Token *token : tokens) {
    size_t type = token->getType();
    if (type != FlowLexer::LINE_COMMENT && type != FlowLexer::BLOCK_COMMENT)
      continue;
    comments.push_back({SourceRange{file, offsets.byteOffset(token->getStartIndex()),
                                    offsets.byteOffset(token->getStopIndex() + 1)},
                        type == FlowLexer::BLOCK_COMMENT});
  }
  return comments;
}

/// The prediction caches (DFA states and prediction contexts) of the
/// calling thread. ANTLR's generated recognizers share one static cache per
/// grammar, which the 4.9 C++ runtime does not guard well enough for
/// concurrent parsers (antlr/antlr4#3332, fixed in 4.10); files are parsed
/// on several threads (sema/loader.cpp), so every thread warms its own.
/// setInterpreter deletes the interpreter it replaces; the recognizer
/// deletes the new one.
struct PredictionCaches {
  explicit PredictionCaches(const antlr4::atn::ATN &atn) {
    for (size_t i = 0; i < atn.getNumberOfDecisions(); ++i)
      dfa.emplace_back(atn.getDecisionState(i), i);
  }
  std::vector<antlr4::dfa::DFA> dfa;
  antlr4::atn::PredictionContextCache contexts;
};

/// Before the parser predicts anything.
void useThreadCaches(gen::FlowParser &parser) {
  thread_local PredictionCaches caches(parser.getATN());
  parser.setInterpreter(
      new antlr4::atn::ParserATNSimulator(&parser, parser.getATN(), caches.dfa, caches.contexts));
}

/// ANTLR's two-stage parse: the fast SLL prediction first, which gives the
/// same tree as full LL on every input it accepts (the grammar is not
/// ambiguous), bailing out at the first error; only then the full-context LL
/// parse with our error recovery, which reports the errors. Most files are
/// correct, and SLL avoids the full-context predictions that dominate
/// parsing time.
gen::FlowParser::FileContext *parseTwoStage(gen::FlowParser &parser,
                                            antlr4::CommonTokenStream &tokens,
                                            std::vector<SyntaxError> &errors) {
  auto *simulator = parser.getInterpreter<antlr4::atn::ParserATNSimulator>();
  simulator->setPredictionMode(antlr4::atn::PredictionMode::SLL);
  parser.setErrorHandler(std::make_shared<antlr4::BailErrorStrategy>());
  try {
    return parser.file();
  } catch (const antlr4::ParseCancellationException &) {
  }
  tokens.seek(0);
  parser.reset();
  simulator->setPredictionMode(antlr4::atn::PredictionMode::LL);
  parser.setErrorHandler(std::make_shared<FlowErrorStrategy>(errors));
  return parser.file();
}

} // namespace

std::unique_ptr<ast::File> parseFile(const SourceManager &sources, FileId fileId,
                                     diag::Engine &diags, const ParseLimits &limits) {
  return parseFileWithComments(sources, fileId, diags, limits).file;
}

const std::vector<std::string> &keywords() {
  static const std::vector<std::string> words = [] {
    std::vector<std::string> found;
    for (const auto &keyword : keywordTokenTypes())
      found.push_back(keyword.getKey().str());
    std::sort(found.begin(), found.end());
    return found;
  }();
  return words;
}

namespace {

/// The ANTLR path on `text`, which passed the size and UTF-8 checks.
void antlrPath(std::string_view text, FileId fileId, diag::Engine &diags, const ParseLimits &limits,
               ParseResult &result) {
  ast::File *file = result.file.get();
  try {
    OffsetMap offsets(text);
    FlowTokenSource lexer(text); // FlowLexer.g4's tokens, without ANTLR's lexer
    antlr4::CommonTokenStream tokens(&lexer);
    tokens.fill();
    if (!checkNesting(tokens.getTokens(), offsets, fileId, limits.maxNesting, diags))
      return;

    std::vector<SyntaxError> errors;
    gen::FlowParser parser(&tokens);
    useThreadCaches(parser);
    parser.removeErrorListeners();
    gen::FlowParser::FileContext *tree = parseTwoStage(parser, tokens, errors);
    for (const SyntaxError &error : errors)
      diags.report(
          diag::Code::SyntaxError,
          SourceRange{fileId, offsets.byteOffset(error.begin), offsets.byteOffset(error.end)},
          error.message);

    result.comments = collectComments(tokens.getTokens(), offsets, fileId);
    AstBuilder builder(*file, offsets, diags);
    builder.build(tree);

    std::vector<CommentText> lineComments;
    for (const Comment &comment : result.comments)
      if (!comment.isBlock)
        lineComments.push_back(
            {comment.range.begin,
             text.substr(comment.range.begin, comment.range.end - comment.range.begin)});
    attachIgnores(lineComments, builder.takeAttachables(), *file);
  } catch (const std::exception &e) {
    diags.report(diag::Code::SyntaxError, SourceRange{fileId, 0, 0},
                 std::string("the parser stopped: ") + e.what());
  }
}

/// An empty AST of `fileId`, and whether its text passed the size and UTF-8
/// checks (MAC0005, MAC0004).
bool startParse(const SourceManager &sources, FileId fileId, diag::Engine &diags,
                const ParseLimits &limits, ParseResult &result) {
  result.file = std::make_unique<ast::File>();
  result.file->file = fileId;
  std::string_view text = sources.text(fileId);
  return checkSize(text, fileId, limits.maxFileBytes, diags) && checkUtf8(text, fileId, diags);
}

} // namespace

ParseResult parseWithAntlr(const SourceManager &sources, FileId fileId, diag::Engine &diags,
                           const ParseLimits &limits) {
  ParseResult result;
  if (startParse(sources, fileId, diags, limits, result))
    antlrPath(sources.text(fileId), fileId, diags, limits, result);
  return result;
}

// The recursive-descent fast path first (descent_parser.h): it returns a file
// only when it is sure the ANTLR path would build the same AST and report
// nothing; otherwise the ANTLR path runs and reports what it always did.
// MAC_PARSE_WITH_ANTLR=1 in the environment skips the fast path: the same
// binary then measures the parser before and after it (docs/performance.md),
// and a suspected fast-path bug can be confirmed without rebuilding.
ParseResult parseFileWithComments(const SourceManager &sources, FileId fileId, diag::Engine &diags,
                                  const ParseLimits &limits) {
  static const bool antlrOnly = [] {
    const char *setting = std::getenv("MAC_PARSE_WITH_ANTLR");
    return setting != nullptr && std::string_view(setting) == "1";
  }();
  ParseResult result;
  if (!startParse(sources, fileId, diags, limits, result))
    return result;
  std::string_view text = sources.text(fileId);
  if (!antlrOnly)
    if (std::optional<ParseResult> fast = parseByDescent(text, fileId, limits))
      return std::move(*fast);
  antlrPath(text, fileId, diags, limits, result);
  return result;
}

} // namespace mac::syntax
