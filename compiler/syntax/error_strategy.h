// ANTLR error recovery with mac's own messages: "expected `;` after `welcome`"
// instead of ANTLR's token-set dumps. Keeps ANTLR's recovery (single-token
// insertion and deletion, then resynchronisation) so one run reports several
// syntax errors. Only compiler/syntax/ includes this header.
#pragma once

#include "antlr4-runtime.h"

#include <string>
#include <vector>

namespace mac::syntax {

/// A syntax error in byte offsets of the file.
struct SyntaxError {
  uint32_t begin = 0;
  uint32_t end = 0;
  std::string message;
};

class FlowErrorStrategy : public antlr4::DefaultErrorStrategy {
public:
  explicit FlowErrorStrategy(std::vector<SyntaxError> &errors) : errors_(errors) {}

  /// Panic-mode recovery at statement granularity: an error inside a
  /// statement, property or declaration unwinds to it, and the tokens up to
  /// the end of that statement (`;`, or its closing `}`) are skipped, so the
  /// enclosing flow or block goes on with the next statement.
  void recover(antlr4::Parser *parser, std::exception_ptr e) override;
  void sync(antlr4::Parser *parser) override;

protected:
  /// Never repairs by deleting `;`, `{` or `}`: with contextual keywords the
  /// next token nearly always "fits", and structure would be lost.
  antlr4::Token *singleTokenDeletion(antlr4::Parser *parser) override;
  void reportNoViableAlternative(antlr4::Parser *parser,
                                 const antlr4::NoViableAltException &e) override;
  void reportInputMismatch(antlr4::Parser *parser,
                           const antlr4::InputMismatchException &e) override;
  void reportFailedPredicate(antlr4::Parser *parser,
                             const antlr4::FailedPredicateException &e) override;
  void reportUnwantedToken(antlr4::Parser *parser) override;
  void reportMissingToken(antlr4::Parser *parser) override;

private:
  void unexpected(antlr4::Parser *parser, antlr4::Token *token, const std::string &expected);
  std::string expectedText(antlr4::Parser *parser, const antlr4::misc::IntervalSet &set) const;
  void skipStatement(antlr4::Parser *parser, bool consumeStrayClose);
  std::vector<SyntaxError> &errors_;
  size_t lastRecoverIndex_ = SIZE_MAX;
};

} // namespace mac::syntax
