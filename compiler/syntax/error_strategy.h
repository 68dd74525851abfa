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

protected:
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
  std::vector<SyntaxError> &errors_;
};

} // namespace mac::syntax
