// Turns ANTLR's recognition failures into readable MAC0001 messages.
#include "compiler/syntax/error_strategy.h"

#include "FlowLexer.h"
#include "FlowParser.h"

#include <set>

namespace mac::syntax {
namespace {

using gen::FlowLexer;
using gen::FlowParser;

std::string quoteToken(antlr4::Token *token) {
  if (token->getType() == antlr4::Token::EOF)
    return "end of file";
  std::string text = token->getText();
  if (text.size() > 40)
    text = text.substr(0, 37) + "...";
  for (char &c : text)
    if (c == '\n' || c == '\r' || c == '\t')
      c = ' ';
  return "`" + text + "`";
}

/// What the parser was in the middle of, for messages when many tokens fit.
std::string ruleDescription(size_t ruleIndex) {
  switch (ruleIndex) {
  case FlowParser::RuleFile:
  case FlowParser::RuleItem:
    return "a declaration (`bundle`, `field`, `tag`, `email`, `flow`, ...)";
  case FlowParser::RuleFlowItem:
    return "a trigger, a flow setting or a statement";
  case FlowParser::RuleStatement:
  case FlowParser::RuleBlock:
    return "a statement or `}`";
  case FlowParser::RuleCondition:
  case FlowParser::RuleAndCondition:
  case FlowParser::RuleNotCondition:
  case FlowParser::RulePrimaryCondition:
    return "a condition";
  case FlowParser::RuleLiteral:
    return "a value";
  case FlowParser::RuleIdent:
    return "a name";
  case FlowParser::RuleTriggerSpec:
    return "a trigger (`form_submitted`, `tag_added`, `list_joined`, `field_changed`, `event`, "
           "`schedule`)";
  default:
    return "";
  }
}

std::string tokenName(const antlr4::dfa::Vocabulary &vocabulary, size_t type) {
  switch (type) {
  case FlowLexer::IDENT: return "a name";
  case FlowLexer::STRING:
  case FlowLexer::TRIPLE_STRING: return "a string";
  case FlowLexer::INT:
  case FlowLexer::DECIMAL: return "a number";
  case FlowLexer::DURATION: return "a duration (as in 2d)";
  case FlowLexer::CLOCK: return "a clock time (as in 09:00)";
  case FlowLexer::VERSION: return "a version (as in 2.4.1)";
  case FlowLexer::DATE: return "a date (as in 2026-03-02)";
  case FlowLexer::DATETIME: return "a date and time";
  case FlowLexer::KEBAB: return "a rule name";
  case antlr4::Token::EOF: return "end of file";
  default: break;
  }
  std::string literal = vocabulary.getLiteralName(type);
  if (literal.size() >= 2 && literal.front() == '\'')
    return "`" + literal.substr(1, literal.size() - 2) + "`";
  return vocabulary.getSymbolicName(type);
}

/// Rules that hold one statement, property or declaration: recovery points.
bool isStatementLevel(size_t ruleIndex) {
  switch (ruleIndex) {
  case FlowParser::RuleItem:
  case FlowParser::RuleFlowItem:
  case FlowParser::RuleStatement:
  case FlowParser::RuleBundleProp:
  case FlowParser::RuleEnvProp:
  case FlowParser::RuleConsentProp:
  case FlowParser::RuleEmailProp:
  case FlowParser::RuleSmsProp:
  case FlowParser::RulePushProp:
  case FlowParser::RuleWebhookProp:
  case FlowParser::RuleFlagProp:
  case FlowParser::RulePolicyStmt:
  case FlowParser::RuleLintStmt:
  case FlowParser::RuleTestItem:
  case FlowParser::RuleContactItem:
  case FlowParser::RuleFile:
    return true;
  default:
    return false;
  }
}

/// Rules whose body is a list of statements, properties or declarations.
bool isContainer(size_t ruleIndex) {
  switch (ruleIndex) {
  case FlowParser::RuleFile:
  case FlowParser::RuleBundleDecl:
  case FlowParser::RuleEnvDecl:
  case FlowParser::RuleConsentDecl:
  case FlowParser::RuleEmailDecl:
  case FlowParser::RuleSmsDecl:
  case FlowParser::RulePushDecl:
  case FlowParser::RuleWebhookDecl:
  case FlowParser::RuleFlagDecl:
  case FlowParser::RulePolicyDecl:
  case FlowParser::RuleFlowDecl:
  case FlowParser::RuleBlock:
  case FlowParser::RuleLintDecl:
  case FlowParser::RuleTestDecl:
  case FlowParser::RuleTestItem:
    return true;
  default:
    return false;
  }
}

bool isStructural(size_t type) {
  return type == FlowLexer::SEMI || type == FlowLexer::LBRACE || type == FlowLexer::RBRACE;
}

} // namespace

void FlowErrorStrategy::skipStatement(antlr4::Parser *parser, bool consumeStrayClose) {
  antlr4::TokenStream *tokens = parser->getTokenStream();
  int depth = 0;
  if (consumeStrayClose && tokens->LA(1) == FlowLexer::RBRACE)
    parser->consume();
  while (tokens->LA(1) != antlr4::Token::EOF) {
    size_t type = tokens->LA(1);
    if (type == FlowLexer::RBRACE) {
      if (depth == 0)
        return; // the end of the enclosing block: leave it to its owner
      parser->consume();
      if (--depth == 0)
        return; // the end of a block statement
      continue;
    }
    parser->consume();
    if (type == FlowLexer::LBRACE)
      ++depth;
    else if ((type == FlowLexer::SEMI || type == FlowLexer::UNTERMINATED_STRING) && depth == 0)
      return; // an unterminated string runs to the end of its line, `;` included
  }
}

void FlowErrorStrategy::recover(antlr4::Parser *parser, std::exception_ptr e) {
  if (!isStatementLevel(parser->getContext()->getRuleIndex()))
    std::rethrow_exception(e); // unwind to the statement that holds the error
  size_t index = parser->getTokenStream()->index();
  if (index == lastRecoverIndex_ && parser->getTokenStream()->LA(1) != antlr4::Token::EOF)
    parser->consume(); // no progress since the last recovery: always move on
  lastRecoverIndex_ = parser->getTokenStream()->index();
  skipStatement(parser, false);
}

void FlowErrorStrategy::sync(antlr4::Parser *parser) {
  if (inErrorRecoveryMode(parser))
    return;
  const antlr4::atn::ATN &atn = parser->getATN();
  antlr4::atn::ATNState *state = atn.states[parser->getState()];
  auto type = state->getStateType();
  bool loop = type == antlr4::atn::ATNState::STAR_LOOP_BACK ||
              type == antlr4::atn::ATNState::PLUS_LOOP_BACK ||
              type == antlr4::atn::ATNState::STAR_LOOP_ENTRY;
  if (!loop || !isContainer(parser->getContext()->getRuleIndex()))
    return DefaultErrorStrategy::sync(parser);
  antlr4::misc::IntervalSet next = atn.nextTokens(state);
  size_t la = parser->getTokenStream()->LA(1);
  if (next.contains(antlr4::Token::EPSILON) || next.contains(la) || la == antlr4::Token::EOF)
    return;
  // A token that starts nothing here, between statements: report it and skip
  // to the end of the statement it begins.
  reportUnwantedToken(parser);
  skipStatement(parser, true);
}

antlr4::Token *FlowErrorStrategy::singleTokenDeletion(antlr4::Parser *parser) {
  if (isStructural(parser->getTokenStream()->LA(1)))
    return nullptr;
  return DefaultErrorStrategy::singleTokenDeletion(parser);
}

std::string FlowErrorStrategy::expectedText(antlr4::Parser *parser,
                                            const antlr4::misc::IntervalSet &set) const {
  const antlr4::dfa::Vocabulary &vocabulary = parser->getVocabulary();
  bool anyName = set.contains(static_cast<size_t>(FlowLexer::IDENT));
  std::set<std::string> names;
  for (size_t type : set.toList()) {
    if (anyName && vocabulary.getSymbolicName(type).rfind("K_", 0) == 0)
      continue; // a keyword where any name fits
    if (type == FlowLexer::TRIPLE_STRING || type == FlowLexer::DECIMAL)
      continue; // spelled like STRING / INT
    names.insert(tokenName(vocabulary, type));
  }
  std::string description = ruleDescription(parser->getContext()->getRuleIndex());
  if (names.empty() || (names.size() > 4 && !description.empty()))
    return description;
  std::string text;
  size_t i = 0;
  for (const std::string &name : names) {
    if (i > 0)
      text += i + 1 == names.size() ? " or " : ", ";
    text += name;
    ++i;
  }
  return text;
}

void FlowErrorStrategy::unexpected(antlr4::Parser *parser, antlr4::Token *token,
                                   const std::string &expected) {
  std::string message;
  if (token->getType() == FlowLexer::UNTERMINATED_STRING)
    message = "unterminated string; add the closing `\"` on the same line";
  else if (token->getType() == FlowLexer::ERROR_CHAR)
    message = "unexpected character " + quoteToken(token);
  else
    message = "unexpected " + quoteToken(token);
  if (!expected.empty() && token->getType() != FlowLexer::UNTERMINATED_STRING)
    message += "; expected " + expected;
  uint32_t begin = static_cast<uint32_t>(token->getStartIndex());
  uint32_t end = token->getType() == antlr4::Token::EOF
                     ? begin
                     : static_cast<uint32_t>(token->getStopIndex() + 1);
  errors_.push_back({begin, end, std::move(message)});
}

void FlowErrorStrategy::reportNoViableAlternative(antlr4::Parser *parser,
                                                  const antlr4::NoViableAltException &e) {
  unexpected(parser, e.getOffendingToken(), expectedText(parser, e.getExpectedTokens()));
}

void FlowErrorStrategy::reportInputMismatch(antlr4::Parser *parser,
                                            const antlr4::InputMismatchException &e) {
  unexpected(parser, e.getOffendingToken(), expectedText(parser, e.getExpectedTokens()));
}

void FlowErrorStrategy::reportFailedPredicate(antlr4::Parser *parser,
                                              const antlr4::FailedPredicateException &e) {
  unexpected(parser, e.getOffendingToken(), "");
}

void FlowErrorStrategy::reportUnwantedToken(antlr4::Parser *parser) {
  if (inErrorRecoveryMode(parser))
    return;
  beginErrorCondition(parser);
  unexpected(parser, parser->getCurrentToken(), expectedText(parser, getExpectedTokens(parser)));
}

void FlowErrorStrategy::reportMissingToken(antlr4::Parser *parser) {
  if (inErrorRecoveryMode(parser))
    return;
  beginErrorCondition(parser);
  antlr4::Token *current = parser->getCurrentToken();
  antlr4::Token *previous = parser->getTokenStream()->LT(-1);
  std::string expected = expectedText(parser, getExpectedTokens(parser));
  if (previous == nullptr) {
    unexpected(parser, current, expected);
    return;
  }
  uint32_t at = static_cast<uint32_t>(previous->getStopIndex() + 1);
  errors_.push_back({at, at, "expected " + expected + " after " + quoteToken(previous)});
}

} // namespace mac::syntax
