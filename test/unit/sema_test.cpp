// Unit tests for sema on in-memory bundles: resolution into typed ids,
// one namespace across files, and the diagnostics of wrong references.
#include "compiler/sema/sema.h"

#include "test/unit/bundle_fixture.h"

#include <gtest/gtest.h>

using namespace mac;
using mac::test::analyse;

TEST(Sema, ResolvesAcrossFilesIntoTypedIds) {
  auto a = analyse({{"bundle.flow", "bundle b { version 1.0.0; }\n"},
                    {"model.flow", "field status: enum(\"A\", \"B\");\ntag hot;\n"},
                    {"flows/f.flow", "flow f { on tag_added hot; set status = \"B\"; }\n"}});
  EXPECT_TRUE(a->diags.diagnostics().empty());
  ASSERT_EQ(a->program->flows.size(), 1u);
  const sema::Flow &flow = a->program->flows[0];
  ASSERT_EQ(flow.triggers.size(), 1u);
  EXPECT_EQ(a->program->tags[flow.triggers[0].tag.value].name, "hot");
  const sema::Stmt &set = a->program->stmt(flow.body[0]);
  EXPECT_EQ(a->program->field(set.field).name, "status");
  EXPECT_EQ(a->program->bundle.version, "1.0.0");
}

TEST(Sema, WrongReferencesAreReported) {
  auto a = analyse({{"bundle.flow", "bundle b { }\n"},
                    {"x.flow", "field n: number;\ntag t;\nflow f { on tag_added t; send t; "
                               "set n = \"x\"; add tag tt; }\n"}});
  std::vector<diag::Code> found;
  for (const diag::Diagnostic &d : a->diags.diagnostics())
    found.push_back(d.code);
  EXPECT_NE(std::find(found.begin(), found.end(), diag::Code::WrongAssetKind), found.end());
  EXPECT_NE(std::find(found.begin(), found.end(), diag::Code::TypeMismatch), found.end());
  auto undefined = std::find_if(
      a->diags.diagnostics().begin(), a->diags.diagnostics().end(),
      [](const diag::Diagnostic &d) { return d.code == diag::Code::UndefinedReference; });
  ASSERT_NE(undefined, a->diags.diagnostics().end());
  ASSERT_EQ(undefined->fixes.size(), 1u);
  EXPECT_EQ(undefined->fixes[0].edits[0].text, "t");
}

TEST(Sema, KeepsTheRangesChecksPointAt) {
  // Comments and strings that look like the statements must not be taken.
  auto a = analyse(
      {{"bundle.flow",
        "bundle b { version 1.0.0; }\nfield email: email;\n"
        "webhook retry \"retry\" {\n  // retry 9;\n  url \"https://a.example\";\n"
        "  alert \"retry;\";\n  retry 0 backoff 1s;\n}\n"
        "email e { subject \"unsubscribe;\"; unsubscribe link; }\n"
        "flow f { on event \"x\"; call retry; send e; notify \"#ops\" \"Hi {{email}}\"; }\n"}});
  ASSERT_FALSE(a->diags.hasErrors());
  auto textOf = [&](SourceRange r) {
    return std::string(a->sources.text(r.file).substr(r.begin, r.end - r.begin));
  };
  EXPECT_EQ(textOf(a->program->webhooks[0].retryRange), "retry 0 backoff 1s;");
  EXPECT_EQ(textOf(a->program->emails[0].unsubscribeRange), "unsubscribe link;");
  const sema::Stmt &notify = a->program->stmts[a->program->flows[0].body[2].value];
  EXPECT_EQ(notify.message.value, "Hi {{email}}");
  EXPECT_EQ(textOf(notify.message.rangeOf(3, 12)), "{{email}}");
}
