// Unit tests for the placeholder scanner: names, filters and their
// arguments, exact offsets, unclosed and malformed `{{`, and the rendering
// with fallbacks the SMS length uses.
#include "analyzer/template_placeholders.h"

#include <gtest/gtest.h>

using namespace mac::analyzer;

TEST(TemplatePlaceholders, NameWithOffsets) {
  PlaceholderScan scan = scanPlaceholders("Hi {{first_name}}!");
  ASSERT_EQ(scan.placeholders.size(), 1u);
  EXPECT_TRUE(scan.problems.empty());
  const Placeholder &p = scan.placeholders[0];
  EXPECT_EQ(p.name, "first_name");
  EXPECT_EQ(p.begin, 3u);
  EXPECT_EQ(p.end, 17u);
  EXPECT_EQ(p.nameBegin, 5u);
  EXPECT_EQ(p.nameEnd, 15u);
  EXPECT_TRUE(p.filters.empty());
  EXPECT_EQ(p.fallback(), nullptr);
}

TEST(TemplatePlaceholders, DefaultFilterWithEitherQuote) {
  PlaceholderScan scan =
      scanPlaceholders("{{ first_name | default: 'there' }} {{company|default:\"yours, truly\"}}");
  ASSERT_EQ(scan.placeholders.size(), 2u);
  ASSERT_NE(scan.placeholders[0].fallback(), nullptr);
  EXPECT_EQ(*scan.placeholders[0].fallback(), "there");
  EXPECT_EQ(scan.placeholders[0].nameBegin, 3u);
  EXPECT_EQ(scan.placeholders[0].filters[0].nameBegin, 16u);
  EXPECT_EQ(scan.placeholders[0].filters[0].nameEnd, 23u);
  EXPECT_EQ(*scan.placeholders[1].fallback(), "yours, truly");
  EXPECT_EQ(scan.placeholders[1].name, "company");
}

TEST(TemplatePlaceholders, ChainedFiltersAndArguments) {
  PlaceholderScan scan = scanPlaceholders("{{score | round: 2 | default: '0', 'x' | upcase}}");
  // `default` with two values is malformed: one problem, no placeholder.
  EXPECT_TRUE(scan.placeholders.empty());
  ASSERT_EQ(scan.problems.size(), 1u);
  EXPECT_EQ(scan.problems[0].detail, "is malformed: `default` takes one value");

  scan = scanPlaceholders("{{score | round: 2, half_up | upcase}}");
  ASSERT_EQ(scan.placeholders.size(), 1u);
  const Placeholder &p = scan.placeholders[0];
  ASSERT_EQ(p.filters.size(), 2u);
  EXPECT_EQ(p.filters[0].name, "round");
  EXPECT_EQ(p.filters[0].arguments, (std::vector<std::string>{"2", "half_up"}));
  EXPECT_EQ(p.filters[1].name, "upcase");
  EXPECT_TRUE(p.filters[1].arguments.empty());
  EXPECT_EQ(p.fallback(), nullptr);
}

TEST(TemplatePlaceholders, UnclosedBeforeTheNextPlaceholder) {
  PlaceholderScan scan = scanPlaceholders("Hi {{first_name, see {{unsubscribe_url}}");
  ASSERT_EQ(scan.problems.size(), 1u);
  EXPECT_EQ(scan.problems[0].kind, PlaceholderProblem::Kind::Unclosed);
  EXPECT_EQ(scan.problems[0].begin, 3u);
  EXPECT_EQ(scan.problems[0].end, 15u); // `{{first_name`
  EXPECT_EQ(scan.problems[0].detail, "is not closed; end it with `}}`");
  ASSERT_EQ(scan.placeholders.size(), 1u);
  EXPECT_EQ(scan.placeholders[0].name, "unsubscribe_url");
}

TEST(TemplatePlaceholders, UnclosedAtTheEnd) {
  PlaceholderScan scan = scanPlaceholders("Hi {{ first_name ");
  ASSERT_EQ(scan.problems.size(), 1u);
  EXPECT_EQ(scan.problems[0].kind, PlaceholderProblem::Kind::Unclosed);
  EXPECT_EQ(scan.problems[0].end, 16u); // trailing blanks are not part of it
  EXPECT_TRUE(scan.placeholders.empty());
}

TEST(TemplatePlaceholders, MalformedInsideTheBraces) {
  struct Case {
    const char *text;
    const char *detail;
  } cases[] = {
      {"{{}}", "is empty; write a field name between the braces"},
      {"{{ 1st }}", "is malformed: expected a field name after `{{`"},
      {"{{first name}}", "is malformed: expected `}}` or `|` after `first`"},
      {"{{first_name | }}", "is malformed: expected a filter name after `|`"},
      {"{{first_name | default }}",
       "is malformed: `default` needs a value, as in `| default: 'there'`"},
      {"{{first_name | default: }}", "is malformed: expected a value such as 'there' after `:`"},
      {"{{first_name | default: 'there }}", "is malformed: the quote ' is never closed"},
  };
  for (const Case &c : cases) {
    PlaceholderScan scan = scanPlaceholders(c.text);
    ASSERT_EQ(scan.problems.size(), 1u) << c.text;
    EXPECT_EQ(scan.problems[0].kind, PlaceholderProblem::Kind::Malformed) << c.text;
    EXPECT_EQ(scan.problems[0].begin, 0u) << c.text;
    EXPECT_EQ(scan.problems[0].end, std::string_view(c.text).size()) << c.text;
    EXPECT_EQ(scan.problems[0].detail, c.detail) << c.text;
    EXPECT_TRUE(scan.placeholders.empty()) << c.text;
  }
}

TEST(TemplatePlaceholders, SingleBracesAreText) {
  PlaceholderScan scan = scanPlaceholders("a { b } c {x} }} d");
  EXPECT_TRUE(scan.placeholders.empty());
  EXPECT_TRUE(scan.problems.empty());
}

TEST(TemplatePlaceholders, ManyUnclosedStayLinear) {
  std::string text;
  for (int i = 0; i < 200000; ++i)
    text += "{{a|b:'";
  PlaceholderScan scan = scanPlaceholders(text);
  EXPECT_EQ(scan.problems.size(), 200000u);
  EXPECT_TRUE(scan.placeholders.empty());
}

TEST(TemplatePlaceholders, RenderWithFallbacks) {
  std::string text = "Hi {{first_name | default: 'there'}}, {{company}}!";
  PlaceholderScan scan = scanPlaceholders(text);
  EXPECT_EQ(renderWithFallbacks(text, scan.placeholders), "Hi there, !");
}
