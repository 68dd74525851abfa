// Lint control (LANGUAGE.md §7): `lint {}` severity overrides and
// `// mac-ignore` suppressions, and MAC1007 for ignores that suppress nothing
// or silence a compliance rule without a reason. Syntax errors (MAC0xxx)
// cannot be overridden or ignored.
#include "compiler/sema/names.h"
#include "compiler/sema/resolver.h"

#include <algorithm>

namespace mac::sema {
namespace {

bool isCompliance(diag::Code code) { return diag::ruleInfo(code).id.starts_with("MAC3"); }
bool isSyntax(diag::Code code) { return diag::ruleInfo(code).id.starts_with("MAC0"); }

std::optional<diag::Code> lookupRuleOrReport(const ast::LintRule &rule, diag::Engine &diags) {
  if (auto code = diag::lookupRule(rule.text))
    return code;
  std::vector<std::string_view> names;
  for (const diag::RuleInfo &info : diag::allRules())
    names.push_back(info.name);
  std::optional<std::string> suggestion = closestName(rule.text, names);
  diag::Diagnostic &d = diags.report(diag::Code::UndefinedReference, rule.range, "rule", rule.text,
                                     didYouMean(suggestion));
  if (suggestion)
    d.fixes.push_back({"replace with `" + *suggestion + "`", {{rule.range, *suggestion}}});
  return std::nullopt;
}

diag::Severity severityOf(ast::LintVerb verb) {
  switch (verb) {
  case ast::LintVerb::Disable:
    return diag::Severity::Ignored;
  case ast::LintVerb::Error:
    return diag::Severity::Error;
  case ast::LintVerb::Warning:
    return diag::Severity::Warning;
  case ast::LintVerb::Info:
    return diag::Severity::Info;
  }
  return diag::Severity::Warning;
}

} // namespace

void buildLintConfig(const std::vector<const ast::LintDecl *> &lintDecls,
                     const std::vector<const ast::File *> &files, Program &program,
                     diag::Engine &diags) {
  for (const ast::LintDecl *decl : lintDecls)
    for (const ast::LintStmt &stmt : decl->statements)
      for (const ast::LintRule &rule : stmt.rules)
        if (auto code = lookupRuleOrReport(rule, diags)) {
          if (isSyntax(*code))
            diags.report(diag::Code::UnusedIgnore, rule.range,
                         "`" + std::string(diag::ruleInfo(*code).name) +
                             "` is a syntax diagnostic and cannot be disabled or re-graded");
          else
            program.lint.overrides[*code] = severityOf(stmt.verb);
        }

  for (const ast::File *file : files)
    for (const ast::IgnoreComment &comment : file->ignores) {
      Ignore ignore{comment.range, comment.target, {}, comment.reason};
      if (comment.rules.empty()) {
        diags.report(diag::Code::UnusedIgnore, comment.range,
                     "`mac-ignore` names no rule; write `// mac-ignore RULE: reason`");
        continue;
      }
      for (const ast::LintRule &rule : comment.rules) {
        auto code = lookupRuleOrReport(rule, diags);
        if (!code)
          continue;
        if (isSyntax(*code)) {
          diags.report(diag::Code::UnusedIgnore, rule.range,
                       "`" + std::string(diag::ruleInfo(*code).name) +
                           "` is a syntax diagnostic and cannot be ignored; fix the text instead");
          continue;
        }
        if (isCompliance(*code) && comment.reason.empty()) {
          diag::Diagnostic &d =
              diags.report(diag::Code::UnusedIgnore, rule.range,
                           "ignoring compliance rule `" + std::string(diag::ruleInfo(*code).name) +
                               "` needs a reason after `:`; the ignore has no effect without one");
          d.fixes.push_back({"add a reason",
                             {{SourceRange{rule.range.file, comment.range.end, comment.range.end},
                               ": <why this send is exempt>"}}});
          continue;
        }
        ignore.rules.push_back({*code, rule.range});
      }
      if (!ignore.rules.empty())
        program.lint.ignores.push_back(std::move(ignore));
    }
}

namespace {

/// True when `code` is checked by every run of the pipeline, or by this command.
bool ranInScope(diag::Code code, const LintScope &scope) {
  std::string_view category = diag::ruleInfo(code).category;
  static constexpr std::string_view kCommandOnly[] = {"platforms", "versioning", "testing"};
  if (std::find(std::begin(kCommandOnly), std::end(kCommandOnly), category) ==
      std::end(kCommandOnly))
    return true;
  return std::find(scope.commandCategories.begin(), scope.commandCategories.end(), category) !=
         scope.commandCategories.end();
}

} // namespace

void applyLintControl(const Program &program, diag::Engine &diags, const LintScope &scope) {
  const LintConfig &lint = program.lint;
  std::vector<std::vector<bool>> used(lint.ignores.size());
  for (size_t i = 0; i < lint.ignores.size(); ++i)
    used[i].assign(lint.ignores[i].rules.size(), false);

  for (diag::Diagnostic &d : diags.mutableDiagnostics()) {
    if (isSyntax(d.code))
      continue;
    for (size_t i = 0; i < lint.ignores.size(); ++i) {
      const Ignore &ignore = lint.ignores[i];
      if (!ignore.target.isValid() || !ignore.target.contains(d.range))
        continue;
      for (size_t r = 0; r < ignore.rules.size(); ++r)
        if (ignore.rules[r].first == d.code) {
          d.severity = diag::Severity::Ignored;
          used[i][r] = true;
        }
    }
  }
  for (size_t i = 0; i < lint.ignores.size(); ++i)
    for (size_t r = 0; r < lint.ignores[i].rules.size(); ++r)
      if (!used[i][r] && ranInScope(lint.ignores[i].rules[r].first, scope)) {
        const auto &[code, range] = lint.ignores[i].rules[r];
        diag::Diagnostic &d = diags.report(
            diag::Code::UnusedIgnore, range,
            "`mac-ignore " + std::string(diag::ruleInfo(code).name) + "` suppresses nothing" +
                (lint.ignores[i].target.isValid() ? " in the statement that follows"
                                                  : "; no statement follows it"));
        d.fixes.push_back({"remove the unused ignore", {{lint.ignores[i].comment, ""}}});
      }
  for (diag::Diagnostic &d : diags.mutableDiagnostics()) {
    if (d.severity == diag::Severity::Ignored || isSyntax(d.code))
      continue;
    if (auto it = lint.overrides.find(d.code); it != lint.overrides.end())
      d.severity = it->second;
  }
}

} // namespace mac::sema
