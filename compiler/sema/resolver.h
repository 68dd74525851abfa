// The resolver: internal to sema. Registers every declaration in the bundle
// namespace (MAC1002), then lowers the AST into the Program, resolving each
// reference (MAC1001, MAC1006, MAC5006) and checking values against field
// types (MAC1004, MAC1005). Counts uses for MAC1003.
#pragma once

#include "compiler/sema/loader.h"
#include "compiler/sema/program.h"
#include "compiler/sema/sema.h"

#include <llvm/ADT/StringMap.h>

#include <array>
#include <initializer_list>
#include <optional>

namespace mac::sema {

/// Reserves the Program's condition and statement pools for every condition
/// and statement of the bundle's ASTs (flow_lowering.cpp).
void reservePools(const LoadedBundle &bundle, Program &program);

class Resolver {
public:
  Resolver(const SourceManager &sources, diag::Engine &diags, Program &program)
      : sources_(sources), diags_(diags), program_(program) {}

  void run(const LoadedBundle &bundle, const SemaOptions &options);

  // ---- resolution helpers (resolver.cpp) ----
  /// Resolves `name` to an asset of one of `expected` kinds; `construct` names
  /// the place for messages ("`send`"). Invalid when absent or of another kind.
  AssetRef resolve(const ast::Name &name, std::initializer_list<AssetKind> expected,
                   std::string_view construct);
  FieldId resolveField(const ast::Name &name, std::string_view construct);
  EnvId resolveEnv(const ast::Name &name);
  std::optional<Channel> resolveChannel(const ast::Name &name);
  /// Checks `name` against a fixed vocabulary (methods, types, targets…).
  std::optional<std::string> resolveWord(const ast::Name &name, std::string_view kind,
                                         const std::vector<std::string_view> &allowed);
  void undefined(const ast::Name &name, std::string_view kind,
                 const std::vector<std::string_view> &candidates);

  // ---- values (types.cpp) ----
  /// Checks that `value` fits `field` (MAC1004, MAC1005); true if it does.
  bool checkValue(FieldId field, const Value &value, std::string_view context);
  bool checkOrdering(FieldId field, CompareOp op, SourceRange where);
  bool checkTextField(FieldId field, SourceRange where, std::string_view test);
  void checkNumberField(FieldId field, SourceRange where, std::string_view construct);

  // ---- flows, conditions, tests (flow_lowering.cpp) ----
  CondId lowerCondition(const ast::Condition *condition);
  std::vector<StmtId> lowerStatements(const std::vector<ast::Statement *> &body);
  void lowerFlow(const ast::FlowDecl &decl, Flow &flow);
  std::optional<Trigger> lowerTrigger(const ast::Trigger &trigger);
  std::optional<PolicyRule> lowerPolicyRule(const ast::PolicyStmt &stmt);
  void lowerTest(const ast::TestDecl &decl, Test &test);

  /// Counting uses is off while lowering tests: a test does not make an asset used.
  bool countingUses = true;

private:
  void registerDecl(ast::Decl *decl, bool stdlib);
  void fillNamespace();
  template <class T>
  uint32_t add(std::vector<T> &entities, AssetKind kind, const ast::Decl &decl, bool stdlib);
  void lowerDecl(AssetRef ref, const ast::Decl &decl);
  void lowerField(const ast::FieldDecl &decl, Field &field);
  void lowerEnv(const ast::EnvDecl &decl, Env &env);
  void lowerWebhook(const ast::WebhookDecl &decl, Webhook &webhook);
  void lowerBundle(const ast::BundleDecl &decl);
  void lowerConsent(const ast::ConsentDecl &decl);
  /// The text of the file a `body file` literal names, if the loader read it.
  std::optional<Text> bodyFileText(const ast::StringLit &path) const;
  void reportUnused();
  void checkBundleShape(const LoadedBundle &bundle);
  std::vector<std::string_view> namesOf(std::initializer_list<AssetKind> kinds) const;

  const SourceManager &sources_;
  diag::Engine &diags_;
  Program &program_;
  std::array<std::vector<uint32_t>, 11> uses_;
  std::array<std::vector<bool>, 11> fromStdlib_;
  std::vector<std::pair<AssetRef, const ast::Decl *>> assetDecls_;
  std::vector<const ast::EnvDecl *> envDecls_;
  /// Every asset name (program_.names is filled from it once registration
  /// is done); lookups during lowering hash instead of searching a tree.
  llvm::StringMap<AssetRef> index_;
  std::vector<const ast::TestDecl *> testDecls_;
  llvm::StringMap<SourceRange> testNames_; ///< first declaration of each test name
  std::vector<const ast::ConsentDecl *> consentDecls_;
  std::vector<const ast::LintDecl *> lintDecls_;
  std::vector<const ast::File *> files_;
  const ast::BundleDecl *bundleDecl_ = nullptr;
  const LoadedBundle *bundle_ = nullptr;
  size_t declCount_ = 0;
};

/// Builds program.lint from `lint {}` blocks and mac-ignore comments (lint_control.cpp).
void buildLintConfig(const std::vector<const ast::LintDecl *> &lintDecls,
                     const std::vector<const ast::File *> &files, Program &program,
                     diag::Engine &diags);

} // namespace mac::sema
