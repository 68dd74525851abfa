// parseByDescent (descent_parser.h): scanning, the nesting bound, the parser
// core shared by every rule (tokens, names, literals, conditions) and the
// comments and mac-ignore attachment. Literals are decoded with literals.h
// exactly as AstBuilder does; where AstBuilder would report MAC0002 the fast
// path declines instead.
#include "compiler/syntax/descent_parser.h"

#include "compiler/syntax/descent_parser_impl.h"
#include "compiler/syntax/ignore_comments.h"

#include "FlowLexer.h"

#include <algorithm>
#include <array>
#include <cstdlib>

namespace mac::syntax {
namespace descent {
namespace {

using T = gen::FlowLexer;

/// Which token types the grammar's `ident` rule accepts: IDENT and every
/// keyword except the nine that start or join conditions and branches.
std::array<bool, 256> identTypes() {
  std::array<bool, 256> table{};
  table[T::IDENT] = true;
  for (const auto &keyword : keywordTokenTypes())
    if (keyword.getValue() < table.size()) // else never an ident here: the fast path declines
      table[keyword.getValue()] = true;
  for (size_t excluded :
       {T::K_AND, T::K_ELSE, T::K_FALSE, T::K_IF, T::K_IN, T::K_IS, T::K_NOT, T::K_OR, T::K_TRUE})
    table[excluded] = false;
  return table;
}

/// The decoded value; declines where the decoder failed (AstBuilder reports
/// MAC0002 there).
template <class V> V valueOf(Decoded<V> &&decoded) {
  if (std::holds_alternative<LiteralError>(decoded))
    Parser::decline();
  return std::get<V>(std::move(decoded));
}

} // namespace

bool Parser::isIdent(uint32_t type) {
  static const std::array<bool, 256> table = identTypes();
  return type < table.size() && table[type];
}

bool Parser::isString(uint32_t type) { return type == T::STRING || type == T::TRIPLE_STRING; }

void Parser::semi() { expect(T::SEMI); }

// ---- shared pieces -----------------------------------------------------------

ast::Name Parser::ident() {
  if (!isIdent(la()))
    decline();
  size_t token = pos_++;
  return ast::Name{std::string(textOf(token)), rangeOf(token)};
}

ast::StringLit Parser::string() {
  if (!isString(la()))
    decline();
  size_t token = pos_++;
  return valueOf(decodeString(textOf(token), file_.file, tokens_[token].begin));
}

std::optional<ast::StringLit> Parser::display() {
  if (!isString(la()))
    return std::nullopt;
  return string();
}

int64_t Parser::duration() { return valueOf(decodeDuration(textOf(expect(T::DURATION)))); }

uint32_t Parser::clock() { return valueOf(decodeClock(textOf(expect(T::CLOCK)))); }

// number : MINUS? (INT | DECIMAL). The text is the tokens' without what lies
// between them, as ANTLR's getText gives it.
ast::Literal Parser::number() {
  size_t first = pos_;
  ast::Literal lit;
  lit.kind = ast::LiteralKind::Number;
  if (accept(T::MINUS))
    lit.text = "-";
  if (la() != T::INT && la() != T::DECIMAL)
    decline();
  lit.text += textOf(pos_++);
  lit.number = std::strtod(lit.text.c_str(), nullptr);
  lit.range = span(first, last());
  return lit;
}

// literal : str | number | K_TRUE | K_FALSE | DATE | DATETIME | CLOCK | DURATION
ast::Literal Parser::literal() {
  uint32_t type = la();
  if (isString(type)) {
    ast::StringLit value = string();
    ast::Literal lit;
    lit.kind = ast::LiteralKind::String;
    lit.range = value.range;
    lit.text = std::move(value.value);
    return lit;
  }
  if (type == T::MINUS || type == T::INT || type == T::DECIMAL)
    return number();
  ast::Literal lit;
  size_t token = pos_++;
  lit.range = rangeOf(token);
  lit.text = std::string(textOf(token));
  switch (type) {
  case T::K_TRUE:
  case T::K_FALSE:
    lit.kind = ast::LiteralKind::Bool;
    lit.boolean = type == T::K_TRUE;
    break;
  case T::DATE:
    lit.kind = ast::LiteralKind::Date;
    valueOf(decodeDate(lit.text));
    break;
  case T::DATETIME:
    lit.kind = ast::LiteralKind::DateTime;
    valueOf(decodeDateTime(lit.text));
    break;
  case T::CLOCK:
    lit.kind = ast::LiteralKind::Clock;
    lit.seconds = valueOf(decodeClock(lit.text));
    break;
  case T::DURATION:
    lit.kind = ast::LiteralKind::Duration;
    lit.seconds = valueOf(decodeDuration(lit.text));
    break;
  default:
    decline();
  }
  return lit;
}

// rate : INT SLASH ident
ast::Rate Parser::rate() {
  size_t count = expect(T::INT);
  expect(T::SLASH);
  ast::Name unit = ident();
  ast::Rate rate;
  rate.perSeconds = valueOf(decodeRateUnit(unit.text));
  rate.count = std::atoll(std::string(textOf(count)).c_str());
  rate.range = span(count, last());
  if (rate.count <= 0)
    decline();
  return rate;
}

// when : DATE CLOCK? | DATETIME
ast::TestTime Parser::when() {
  ast::TestTime time;
  size_t first = pos_;
  if (accept(T::DATETIME)) {
    time.text = valueOf(decodeDateTime(textOf(first)));
    time.range = rangeOf(first);
    return time;
  }
  std::string date = valueOf(decodeDate(textOf(expect(T::DATE))));
  time.text = date + "T00:00";
  if (la() == T::CLOCK) {
    std::string_view hhmm = textOf(pos_);
    clock();
    time.text = date + "T" + (hhmm.size() == 4 ? "0" : "") + std::string(hhmm);
  }
  time.range = span(first, last());
  return time;
}

// ---- conditions ----------------------------------------------------------------

// condition : andCondition (K_OR andCondition)*
// andCondition : notCondition (K_AND notCondition)*
// A chain of one operand is that operand, as in AstBuilder::condition.
Parser::ParsedCondition Parser::condition() {
  auto combine = [&](ast::CondKind kind, size_t first,
                     std::vector<ast::Condition *> operands) -> ast::Condition * {
    if (operands.size() == 1)
      return operands.front();
    auto *node = file_.arena.make<ast::Condition>();
    node->kind = kind;
    node->range = span(first, last());
    node->children = std::move(operands);
    return node;
  };
  size_t first = pos_;
  std::vector<ast::Condition *> alternatives;
  do {
    size_t andFirst = pos_;
    std::vector<ast::Condition *> operands;
    do
      operands.push_back(notCondition());
    while (accept(T::K_AND));
    alternatives.push_back(combine(ast::CondKind::And, andFirst, std::move(operands)));
  } while (accept(T::K_OR));
  ast::Condition *node = combine(ast::CondKind::Or, first, std::move(alternatives));
  return {node, first, last()};
}

// notCondition : K_NOT* primaryCondition. Each `not` wraps the primary; its
// range runs from that `not` to the primary's end, closing parenthesis
// included.
ast::Condition *Parser::notCondition() {
  size_t firstNot = pos_;
  while (accept(T::K_NOT)) {
  }
  size_t nots = pos_ - firstNot;
  ast::Condition *node = primaryCondition();
  uint32_t end = tokens_[last()].end;
  for (size_t i = 0; i < nots; ++i) {
    auto *negation = file_.arena.make<ast::Condition>();
    negation->kind = ast::CondKind::Not;
    negation->range = SourceRange{file_.file, tokens_[firstNot + nots - 1 - i].begin, end};
    negation->children.push_back(node);
    node = negation;
  }
  return node;
}

ast::Condition *Parser::leaf(ast::CondKind kind, size_t first) {
  auto *node = file_.arena.make<ast::Condition>();
  node->kind = kind;
  node->range = span(first, first);
  return node;
}

// primaryCondition: the alternatives that start with a keyword, then those
// that start with an ident (compare, in [..], text tests, is set/empty).
// `consent`, `flag` and `has` are also idents: `consent X` is consentCond
// unless X is `contains`/`starts_with`/`ends_with` followed by a string,
// which only textCond can continue (no string ever follows a condition);
// `has tag` is hasTagCond, as no ident alternative continues with `tag`.
ast::Condition *Parser::primaryCondition() {
  size_t first = pos_;
  uint32_t type = la();
  auto named = [&](ast::CondKind kind, size_t skip) {
    ast::Condition *node = leaf(kind, first);
    pos_ += skip;
    node->name = ident();
    node->range = span(first, last());
    return node;
  };
  auto isTextTest = [](uint32_t t) {
    return t == T::K_CONTAINS || t == T::K_STARTS_WITH || t == T::K_ENDS_WITH;
  };
  switch (type) {
  case T::LPAREN: {
    ++pos_;
    ast::Condition *inner = condition().node;
    expect(T::RPAREN);
    return inner;
  }
  case T::K_TRUE:
  case T::K_FALSE:
    ++pos_;
    return leaf(type == T::K_TRUE ? ast::CondKind::True : ast::CondKind::False, first);
  case T::K_IN:
    if (la(1) == T::K_LIST)
      return named(ast::CondKind::InList, 2);
    if (la(1) == T::K_SEGMENT)
      return named(ast::CondKind::InSegment, 2);
    decline();
  case T::K_HAS:
    if (la(1) == T::K_TAG)
      return named(ast::CondKind::HasTag, 2);
    break;
  case T::K_CONSENT:
  case T::K_FLAG:
    if (isIdent(la(1)) && !(isTextTest(la(1)) && isString(la(2))))
      return named(type == T::K_CONSENT ? ast::CondKind::Consent : ast::CondKind::Flag, 1);
    break;
  default:
    break;
  }
  if (!isIdent(type))
    decline();
  ast::Condition *node = leaf(ast::CondKind::Compare, first);
  node->name = ident();
  uint32_t op = la();
  ++pos_;
  switch (op) {
  case T::EQEQ:
  case T::NEQ:
  case T::LT:
  case T::LE:
  case T::GT:
  case T::GE:
    node->op = op == T::NEQ  ? ast::CompareOp::Ne
               : op == T::LT ? ast::CompareOp::Lt
               : op == T::LE ? ast::CompareOp::Le
               : op == T::GT ? ast::CompareOp::Gt
               : op == T::GE ? ast::CompareOp::Ge
                             : ast::CompareOp::Eq;
    node->values.push_back(literal());
    break;
  case T::K_IN:
    node->kind = ast::CondKind::InValues;
    expect(T::LBRACKET);
    do
      node->values.push_back(literal());
    while (accept(T::COMMA));
    expect(T::RBRACKET);
    break;
  case T::K_CONTAINS:
  case T::K_STARTS_WITH:
  case T::K_ENDS_WITH: {
    node->kind = op == T::K_CONTAINS      ? ast::CondKind::Contains
                 : op == T::K_STARTS_WITH ? ast::CondKind::StartsWith
                                          : ast::CondKind::EndsWith;
    ast::StringLit value = string();
    ast::Literal lit;
    lit.kind = ast::LiteralKind::String;
    lit.text = std::move(value.value);
    lit.range = value.range;
    node->values.push_back(std::move(lit));
    break;
  }
  case T::K_IS:
    if (la() == T::K_SET)
      node->kind = ast::CondKind::IsSet;
    else if (la() == T::K_EMPTY)
      node->kind = ast::CondKind::IsEmpty;
    else
      decline();
    ++pos_;
    break;
  default:
    decline();
  }
  node->range = span(first, last());
  return node;
}

// ---- the file --------------------------------------------------------------------

void Parser::parseFile() {
  while (la() != kEndOfText) {
    ast::Decl *decl = item();
    attachable(decl->range);
    file_.decls.push_back(decl);
  }
}

namespace {

/// checkNesting of parse.cpp on the fast path's tokens, without reporting.
/// They are all on the default channel: hidden tokens change nothing there.
bool withinNesting(const std::vector<ScannedToken> &tokens, uint32_t limit) {
  NestingCounter nesting(limit);
  return std::all_of(tokens.begin(), tokens.end(), [&](const ScannedToken &token) {
    return nesting.add(token.type, /*hidden=*/false);
  });
}

/// The deepest nesting the fast path recurses into, whatever the limits say
/// (deeper files, if a caller allows them, go to the ANTLR path).
constexpr uint32_t kMaxDescentNesting = 1024;

} // namespace
} // namespace descent

std::optional<ParseResult> parseByDescent(std::string_view text, FileId fileId,
                                          const ParseLimits &limits) {
  std::vector<ScannedToken> tokens, comments;
  scanTokens(text, tokens, comments);
  if (!descent::withinNesting(tokens, std::min(limits.maxNesting, descent::kMaxDescentNesting)))
    return std::nullopt;

  ParseResult result;
  result.file = std::make_unique<ast::File>();
  result.file->file = fileId;
  std::vector<SourceRange> attachables;
  try {
    descent::Parser parser(text, tokens, *result.file);
    parser.parseFile();
    attachables = parser.takeAttachables();
  } catch (const descent::Decline &) {
    return std::nullopt;
  }

  result.comments.reserve(comments.size());
  std::vector<CommentText> lineComments;
  for (const ScannedToken &comment : comments) {
    bool isBlock = comment.type == gen::FlowLexer::BLOCK_COMMENT;
    result.comments.push_back({SourceRange{fileId, comment.begin, comment.end}, isBlock});
    if (!isBlock)
      lineComments.push_back(
          {comment.begin, text.substr(comment.begin, comment.end - comment.begin)});
  }
  attachIgnores(lineComments, std::move(attachables), *result.file);
  return result;
}

} // namespace mac::syntax
