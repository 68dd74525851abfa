// Converts an ANTLR parse tree of one file into the owned AST. Internal to
// compiler/syntax/. Context nodes that failed to parse are skipped (their
// error is already reported), so the AST only holds what parsed cleanly.
// Literal values are decoded here: a bad literal is MAC0002 at its exact range.
#pragma once

#include "compiler/ast/ast.h"
#include "compiler/diag/engine.h"
#include "compiler/syntax/input_checks.h"
#include "compiler/syntax/literals.h"

#include "FlowParser.h"

namespace mac::syntax {

using P = gen::FlowParser;

class AstBuilder {
public:
  AstBuilder(ast::File &file, const OffsetMap &offsets, diag::Engine &diags)
      : file_(file), offsets_(offsets), diags_(diags) {}

  /// Builds every declaration of the file.
  void build(P::FileContext *tree);
  /// Ranges that a `mac-ignore` comment may attach to, in source order.
  std::vector<SourceRange> takeAttachables() { return std::move(attachables_); }

  // Shared helpers (also used by the condition and flow builders).
  SourceRange range(antlr4::ParserRuleContext *ctx) const;
  SourceRange range(antlr4::Token *token) const;
  SourceRange range(antlr4::tree::TerminalNode *node) const { return range(node->getSymbol()); }
  bool broken(antlr4::ParserRuleContext *ctx) const;
  ast::Name name(P::IdentContext *ctx) const;
  std::optional<ast::StringLit> string(P::StrContext *ctx);
  std::optional<ast::Literal> literal(P::LiteralContext *ctx);
  std::optional<int64_t> duration(antlr4::tree::TerminalNode *node);
  std::optional<uint32_t> clock(antlr4::tree::TerminalNode *node);
  std::optional<ast::Rate> rate(P::RateContext *ctx);
  std::optional<ast::TestTime> when(P::WhenContext *ctx);
  ast::Condition *condition(P::ConditionContext *ctx);
  void attachable(SourceRange r) { attachables_.push_back(r); }

private:
  ast::Decl *item(P::ItemContext *ctx);
  template <class T> T *declare(antlr4::ParserRuleContext *ctx, P::IdentContext *ident,
                                P::DisplayContext *display);
  ast::Decl *bundle(P::BundleDeclContext *ctx);
  ast::Decl *use(P::UseDeclContext *ctx);
  ast::Decl *env(P::EnvDeclContext *ctx);
  ast::Decl *field(P::FieldDeclContext *ctx);
  ast::Decl *consent(P::ConsentDeclContext *ctx);
  ast::Decl *segment(P::SegmentDeclContext *ctx);
  ast::Decl *email(P::EmailDeclContext *ctx);
  ast::Decl *sms(P::SmsDeclContext *ctx);
  ast::Decl *push(P::PushDeclContext *ctx);
  ast::Decl *webhook(P::WebhookDeclContext *ctx);
  ast::Decl *flag(P::FlagDeclContext *ctx);
  ast::Decl *policy(P::PolicyDeclContext *ctx);
  ast::Decl *flow(P::FlowDeclContext *ctx);
  ast::Decl *lint(P::LintDeclContext *ctx);
  ast::Decl *test(P::TestDeclContext *ctx);
  std::optional<ast::PolicyStmt> policyStmt(P::PolicyStmtContext *ctx);
  std::optional<ast::Trigger> trigger(P::TriggerSpecContext *ctx);
  std::optional<ast::FlowSetting> setting(P::FlowSettingContext *ctx);
  ast::Statement *statement(P::StatementContext *ctx);
  std::vector<ast::Statement *> statements(const std::vector<P::StatementContext *> &list);
  bool ifStatement(P::IfStmtContext *ctx, ast::Statement &out);
  std::optional<ast::Expectation> expectation(P::ExpectationContext *ctx);
  void invalidLiteral(SourceRange where, std::string_view kind, std::string_view text,
                      const LiteralError &error);

  ast::File &file_;
  const OffsetMap &offsets_;
  diag::Engine &diags_;
  std::vector<SourceRange> attachables_;
};

} // namespace mac::syntax
