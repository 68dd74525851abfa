// The recursive-descent parser behind parseByDescent (descent_parser.h),
// internal to compiler/syntax/. One method per rule of grammar/FlowParser.g4,
// each building the AST node the ANTLR path's AstBuilder would build from
// that rule's parse tree, with the same ranges: a rule's range runs from the
// first to the last token it matched. Where the grammar needs more than one
// token of lookahead the method says which tokens decide, and why that is
// the alternative ANTLR's prediction picks. Any mismatch throws Decline.
#pragma once

#include "compiler/ast/ast.h"
#include "compiler/syntax/literals.h"
#include "compiler/syntax/token_scanner.h"

#include <string_view>
#include <vector>

namespace mac::syntax::descent {

/// Thrown when the fast path gives up on a file; parseFile then runs ANTLR.
struct Decline {};

class Parser {
public:
  /// `tokens` are the default-channel tokens of `text`, ending in kEndOfText.
  Parser(std::string_view text, const std::vector<ScannedToken> &tokens, ast::File &file)
      : text_(text), tokens_(tokens), file_(file) {}

  /// file : item* EOF. Throws Decline.
  void parseFile();
  /// Ranges a `mac-ignore` comment may attach to (AstBuilder's attachables).
  std::vector<SourceRange> takeAttachables() { return std::move(attachables_); }

  // ---- tokens (descent_parser.cpp) ----
  [[noreturn]] static void decline() { throw Decline{}; }
  uint32_t la(size_t ahead = 0) const {
    return pos_ + ahead < tokens_.size() ? tokens_[pos_ + ahead].type : kEndOfText;
  }
  size_t expect(uint32_t type) {
    if (la() != type)
      decline();
    return pos_++;
  }
  bool accept(uint32_t type) {
    if (la() != type)
      return false;
    ++pos_;
    return true;
  }
  size_t last() const { return pos_ - 1; }
  std::string_view textOf(size_t token) const {
    return text_.substr(tokens_[token].begin, tokens_[token].end - tokens_[token].begin);
  }
  SourceRange span(size_t first, size_t lastToken) const {
    return SourceRange{file_.file, tokens_[first].begin, tokens_[lastToken].end};
  }
  SourceRange rangeOf(size_t token) const { return span(token, token); }
  static bool isIdent(uint32_t type);
  static bool isString(uint32_t type);
  void attachable(SourceRange range) { attachables_.push_back(range); }

  // ---- shared pieces (descent_parser.cpp) ----
  ast::Name ident();
  ast::StringLit string();
  std::optional<ast::StringLit> display();
  ast::Literal literal();
  ast::Literal number();
  int64_t duration();
  uint32_t clock();
  ast::Rate rate();
  ast::TestTime when();
  void semi();

  // ---- conditions (descent_parser.cpp) ----
  /// A condition and the tokens its rule matched (grouping parentheses of
  /// the whole condition included, though the node's range leaves them out).
  struct ParsedCondition {
    ast::Condition *node = nullptr;
    size_t first = 0, last = 0;
  };
  ParsedCondition condition();
  ast::Condition *notCondition();
  ast::Condition *primaryCondition();
  ast::Condition *leaf(ast::CondKind kind, size_t first);

  // ---- declarations (descent_decls.cpp) ----
  ast::Decl *item();
  /// A declaration's node with its name and optional display string; the
  /// caller sets its range once it has read the last token.
  template <class T> T *declare(bool withDisplay = true) {
    T *decl = file_.arena.make<T>();
    decl->name = ident();
    if (withDisplay)
      decl->display = display();
    return decl;
  }
  ast::Decl *bundle();
  ast::Decl *use();
  ast::Decl *env();
  ast::Decl *field();
  ast::Decl *consent();
  ast::Decl *tagOrList(bool isTag);
  ast::Decl *segment();
  ast::Decl *email();
  ast::Decl *sms();
  ast::Decl *push();
  ast::Decl *webhook();
  ast::Decl *flag();
  ast::Decl *policy();
  ast::Decl *lint();
  ast::PolicyStmt policyStmt();

  // ---- flows and tests (descent_flows.cpp) ----
  ast::Decl *flow();
  ast::Trigger triggerSpec();
  ast::FlowSetting setting();
  ast::Statement *statement();
  std::vector<ast::Statement *> block(size_t &closing);
  ast::Decl *test();
  void contactItem(ast::TestDecl &decl);
  ast::Expectation expectation();

private:
  std::string_view text_;
  const std::vector<ScannedToken> &tokens_;
  ast::File &file_;
  size_t pos_ = 0;
  std::vector<SourceRange> attachables_;
};

} // namespace mac::syntax::descent
