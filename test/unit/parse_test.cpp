// Unit tests for the parser API: the AST of small inputs, recovery after
// syntax errors, mac-ignore attachment, and the input limits.
#include "compiler/syntax/parse.h"

#include <gtest/gtest.h>

#include <llvm/Support/Casting.h>

using namespace mac;

namespace {

struct Parsed {
  SourceManager sources;
  diag::Engine diags;
  std::unique_ptr<ast::File> file;
};

std::unique_ptr<Parsed> parse(std::string text, syntax::ParseLimits limits = {}) {
  auto parsed = std::make_unique<Parsed>();
  FileId id = parsed->sources.addFile("t.flow", "/t.flow", std::move(text));
  parsed->file = syntax::parseFile(parsed->sources, id, parsed->diags, limits);
  return parsed;
}

std::vector<diag::Code> codes(const Parsed &parsed) {
  std::vector<diag::Code> out;
  for (const diag::Diagnostic &d : parsed.diags.diagnostics())
    out.push_back(d.code);
  return out;
}

} // namespace

TEST(Parse, FlowWithBranchesBecomesAst) {
  auto p = parse(R"(flow f "F" { on tag_added t; if a == 1 and not b is set { send x; } else { stop; } })");
  ASSERT_TRUE(p->diags.diagnostics().empty());
  ASSERT_EQ(p->file->decls.size(), 1u);
  auto *flow = llvm::dyn_cast<ast::FlowDecl>(p->file->decls[0]);
  ASSERT_NE(flow, nullptr);
  EXPECT_EQ(flow->display->value, "F");
  ASSERT_EQ(flow->triggers.size(), 1u);
  EXPECT_EQ(flow->triggers[0].kind, ast::TriggerKind::TagAdded);
  ASSERT_EQ(flow->body.size(), 1u);
  const ast::Statement *stmt = flow->body[0];
  EXPECT_EQ(stmt->kind, ast::StmtKind::If);
  EXPECT_TRUE(stmt->hasElse);
  const ast::Condition *cond = stmt->branches[0].condition;
  EXPECT_EQ(cond->kind, ast::CondKind::And);
  ASSERT_EQ(cond->children.size(), 2u);
  EXPECT_EQ(cond->children[1]->kind, ast::CondKind::Not);
}

TEST(Parse, RecoversAndKeepsLaterDeclarations) {
  auto p = parse("tag a \"A\"\ntag b;\nlist c;\nflow f { send x }\nlist d;\n");
  auto found = codes(*p);
  EXPECT_GE(found.size(), 2u);
  for (diag::Code code : found)
    EXPECT_EQ(code, diag::Code::SyntaxError);
  std::vector<std::string> names;
  for (ast::Decl *decl : p->file->decls)
    names.push_back(decl->name.text);
  EXPECT_NE(std::find(names.begin(), names.end(), "d"), names.end());
}

TEST(Parse, KeywordsWorkAsNames) {
  auto p = parse("field email: email;\nfield source: text?;\nconsent email { field email; }\n");
  EXPECT_TRUE(p->diags.diagnostics().empty());
  EXPECT_EQ(p->file->decls.size(), 3u);
}

TEST(Parse, IgnoreAttachesToNextStatement) {
  auto p = parse("flow f {\n  // mac-ignore consent-missing: confirmation\n  send x;\n  send y;\n}\n");
  ASSERT_EQ(p->file->ignores.size(), 1u);
  const ast::IgnoreComment &ignore = p->file->ignores[0];
  ASSERT_EQ(ignore.rules.size(), 1u);
  EXPECT_EQ(ignore.rules[0].text, "consent-missing");
  EXPECT_EQ(ignore.reason, "confirmation");
  auto *flow = llvm::cast<ast::FlowDecl>(p->file->decls[0]);
  EXPECT_TRUE(ignore.target == flow->body[0]->range);
}

TEST(Parse, LimitsAreDiagnostics) {
  EXPECT_EQ(codes(*parse(std::string(100, ' '), {50, 128})),
            std::vector<diag::Code>{diag::Code::InputTooLarge});
  EXPECT_EQ(codes(*parse("tag a \xff;")), std::vector<diag::Code>{diag::Code::InvalidEncoding});
  std::string deep = "flow f { ";
  for (int i = 0; i < 20000; ++i)
    deep += "if true { ";
  EXPECT_EQ(codes(*parse(deep)), std::vector<diag::Code>{diag::Code::NestingTooDeep});
}

TEST(Parse, BadLiteralsAreMac0002AtTheirRange) {
  auto p = parse("flow f { wait 3x; }");
  ASSERT_EQ(codes(*p), std::vector<diag::Code>{diag::Code::InvalidLiteral});
  const diag::Diagnostic &d = p->diags.diagnostics()[0];
  EXPECT_EQ(d.range.begin, 15u); // the unit `x`
  EXPECT_EQ(d.range.end, 16u);
}

TEST(Parse, LongRunsOfNotAreNesting) {
  std::string text = "flow f { if ";
  for (int i = 0; i < 100000; ++i)
    text += "not ";
  text += "true { stop; } }";
  EXPECT_EQ(codes(*parse(text)), std::vector<diag::Code>{diag::Code::NestingTooDeep});
  EXPECT_TRUE(codes(*parse("flow f { if not not true { stop; } }")).empty());
}
