// The AST walk behind formatFile: one method per declaration, statement and
// item kind, each writing through the Writer. Internal to compiler/format/.
// Properties whose order the AST does not keep (separate vectors or fields)
// are collected as Items with their source offset and written sorted, so the
// output keeps the order of the source.
#pragma once

#include "compiler/ast/ast.h"
#include "compiler/format/format.h"
#include "compiler/format/spelling.h"
#include "compiler/format/writer.h"

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace mac::format {

class FilePrinter {
public:
  FilePrinter(const SourceText &source, Writer &writer)
      : source_(source), spelling_(source), writer_(writer) {}

  void print(const ast::File &file);
  /// Comment lines to write around nodes of a synthesized AST (format.h).
  void setNotes(const Notes *notes) { notes_ = notes; }

private:
  /// The note lines of `node`, before or after it.
  void noteLines(const ast::Node *node, bool before);
  /// One line or block inside a declaration, placed by its source offset.
  struct Item {
    uint32_t at;
    std::function<void()> write;
  };
  void writeSorted(std::vector<Item> &items);

  // ---- positions -------------------------------------------------------
  uint32_t begin(const SourceRange &range) const;
  /// Past the `;` that ends the statement whose last token ends `range`.
  uint32_t end(const SourceRange &range) const;
  /// The `{` of a declaration's block.
  uint32_t openBrace(const ast::Decl &decl) const;
  /// The `}` closing a construct that ends at `range.end`.
  uint32_t closeBrace(const SourceRange &range) const;
  /// A property `text;` that came from [first.begin, end of last).
  void leaf(const SourceRange &first, const SourceRange &last, const std::string &text);
  /// A statement found by its leading words (for properties the AST keeps without a range).
  uint32_t find(const ast::Decl &decl, const std::vector<std::string_view> &words,
                size_t nth = 0) const;
  std::string header(std::string_view keyword, const ast::Decl &decl) const;
  std::string names(const std::vector<ast::Name> &list) const;
  /// Splits a list the AST merged back into the statements it was written as.
  std::vector<std::vector<const ast::Name *>> byStatement(const std::vector<ast::Name> &list) const;
  /// `prefix condition suffix`, broken as condition_printer.h says for a line
  /// indented by `indent` columns (default: the current indentation).
  std::string condition(const ast::Condition *c, std::string_view prefix, std::string_view suffix,
                        size_t indent = kNoIndent) const;
  static constexpr size_t kNoIndent = SIZE_MAX;

  // ---- declarations (print_decls.cpp) ----------------------------------
  void decl(const ast::Decl &decl);
  void simple(const ast::Decl &decl);
  void bundle(const ast::BundleDecl &decl);
  void env(const ast::EnvDecl &decl);
  void field(const ast::FieldDecl &decl);
  void consent(const ast::ConsentDecl &decl);
  void email(const ast::EmailDecl &decl);
  void sms(const ast::SmsDecl &decl);
  void push(const ast::PushDecl &decl);
  void webhook(const ast::WebhookDecl &decl);
  void flag(const ast::FlagDecl &decl);
  void policy(const ast::PolicyDecl &decl);
  void lint(const ast::LintDecl &decl);
  /// A property that is one keyword (`transactional;`, `on;`), found in the source.
  void keyword(const ast::Decl &decl, const char *word, std::vector<Item> &items);
  std::string policyText(const ast::PolicyStmt &stmt) const;
  void block(const ast::Decl &decl, std::string_view keyword, std::vector<Item> &items);

  // ---- flows and tests (print_flows.cpp) -------------------------------
  void flow(const ast::FlowDecl &decl);
  std::string triggerText(const ast::Trigger &trigger) const;
  std::string settingText(const ast::FlowSetting &setting) const;
  void statements(const std::vector<ast::Statement *> &list);
  void statement(const ast::Statement &stmt);
  std::string statementText(const ast::Statement &stmt) const;
  void ifStatement(const ast::Statement &stmt);
  void test(const ast::TestDecl &decl);
  void contacts(const ast::TestDecl &decl, std::vector<Item> &items);
  std::string expectationText(const ast::Expectation &expect) const;

  const SourceText &source_;
  Spelling spelling_;
  Writer &writer_;
  const Notes *notes_ = nullptr;
};

} // namespace mac::format
