// Unit tests for the fix helpers of the integration and policy checks
// (analyzer/decl_edits.h): where a statement is inserted into a braced
// declaration, with which indentation, and how statements are found while
// comments and strings are skipped.
#include "analyzer/decl_edits.h"

#include <gtest/gtest.h>

using namespace mac;
using namespace mac::analyzer;

namespace {

struct Source {
  SourceManager sources;
  FileId file;
  explicit Source(std::string text) { file = sources.addFile("x.flow", "x.flow", std::move(text)); }
  std::string_view text() const { return sources.text(file); }
  /// The range of the declaration starting at the first `from` and ending at the next `end`.
  SourceRange decl(std::string_view from, std::string_view end = "}") const {
    size_t begin = text().find(from);
    size_t stop = text().find(end, begin) + end.size();
    return {file, static_cast<uint32_t>(begin), static_cast<uint32_t>(stop)};
  }
  std::string apply(const diag::Edit &edit) const {
    std::string out(text());
    out.replace(edit.range.begin, edit.range.end - edit.range.begin, edit.text);
    return out;
  }
};

} // namespace

TEST(EnvironmentEdits, InsertsBeforeAClosingBraceOnItsOwnLine) {
  Source s("webhook w {\n    url \"x\";\n\n}\n");
  auto edit = insertBeforeClosingBrace(s.sources, s.decl("webhook"), "retry 3 backoff 30s;");
  ASSERT_TRUE(edit);
  EXPECT_EQ(s.apply(*edit), "webhook w {\n    url \"x\";\n\n    retry 3 backoff 30s;\n}\n");
}

TEST(EnvironmentEdits, InsertsInlineInAOneLineDeclaration) {
  Source s("webhook w { url \"}\"; }\nwebhook v { url \"y\";}");
  auto spaced =
      insertBeforeClosingBrace(s.sources, s.decl("webhook w", "; }"), "retry 1 backoff 1s;");
  ASSERT_TRUE(spaced);
  EXPECT_EQ(s.apply(*spaced).substr(0, 42), "webhook w { url \"}\"; retry 1 backoff 1s; }");
  auto tight = insertBeforeClosingBrace(s.sources, s.decl("webhook v", ";}"), "alert \"#ops\";");
  ASSERT_TRUE(tight);
  EXPECT_EQ(s.apply(*tight).substr(23), "webhook v { url \"y\"; alert \"#ops\";}");
}

TEST(EnvironmentEdits, EmptyMultiLineBodyIsIndentedFromTheBrace) {
  Source s("  policy p {\n  }\n");
  auto edit = insertBeforeClosingBrace(s.sources, s.decl("policy"), "suppress unsubscribed;");
  ASSERT_TRUE(edit);
  EXPECT_EQ(s.apply(*edit), "  policy p {\n    suppress unsubscribed;\n  }\n");
}

TEST(EnvironmentEdits, NoInsertionWithoutAClosingBrace) {
  Source s("webhook w { url \"x\"; }");
  SourceRange decl = s.decl("webhook");
  decl.end -= 1;
  EXPECT_FALSE(insertBeforeClosingBrace(s.sources, decl, "retry 3 backoff 30s;"));
}

TEST(EnvironmentEdits, InsertsAfterTheOpeningBraceSkippingStringsAndComments) {
  Source s("flow f /* { */ \"Disp {x}\" { // note {\n\tsend a;\n}\n");
  SourceRange decl = s.decl("flow", "\n}");
  auto edit = insertAfterOpeningBrace(s.sources, decl, decl.begin + 6, "suppress unsubscribed;");
  ASSERT_TRUE(edit);
  EXPECT_EQ(s.apply(*edit),
            "flow f /* { */ \"Disp {x}\" { // note {\n\tsuppress unsubscribed;\n\tsend a;\n}\n");
}

TEST(EnvironmentEdits, InsertsAfterTheOpeningBraceInline) {
  Source s("flow f { on event \"x\"; }");
  auto edit = insertAfterOpeningBrace(s.sources, s.decl("flow"), 6, "suppress unsubscribed;");
  ASSERT_TRUE(edit);
  EXPECT_EQ(s.apply(*edit), "flow f { suppress unsubscribed; on event \"x\"; }");
}

TEST(EnvironmentEdits, InsertsALineAfterAnother) {
  Source s("bundle b { }\nuse std.canspam;\n");
  EXPECT_EQ(s.apply(insertLineAfter(s.sources, s.file, 11, "use std.tcpa;")),
            "bundle b { }\nuse std.tcpa;\nuse std.canspam;\n");
  Source last("bundle b { }");
  EXPECT_EQ(last.apply(insertLineAfter(last.sources, last.file, 11, "use std.tcpa;")),
            "bundle b { }\nuse std.tcpa;\n");
}

TEST(EnvironmentEdits, RecognisesStdlibFiles) {
  SourceManager sources;
  FileId user = sources.addFile("bundle.flow", "bundle.flow", "x");
  FileId stdlib = sources.addFile("<stdlib>/std/tcpa.flow", "tcpa.flow", "x");
  EXPECT_FALSE(inStdlib(sources, {user, 0, 1}));
  EXPECT_TRUE(inStdlib(sources, {stdlib, 0, 1}));
  EXPECT_FALSE(inStdlib(sources, {}));
}
