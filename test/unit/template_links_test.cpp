// Unit tests for link extraction (gumbo for HTML, the token scanner for plain
// text) and for the URL judgement with uriparser.
#include "analyzer/link_url.h"
#include "analyzer/template_links.h"

#include <gtest/gtest.h>

using namespace mac::analyzer;

namespace {

std::vector<std::string_view> builtinLinks() { return {"unsubscribe_url", "view_in_browser_url"}; }

std::vector<RawLink> plainLinks(std::string_view text) {
  return textLinks(text, scanPlaceholders(text).placeholders, builtinLinks());
}

} // namespace

TEST(TemplateLinks, LooksLikeHtml) {
  EXPECT_TRUE(looksLikeHtml("<p>Hi</p>"));
  EXPECT_TRUE(looksLikeHtml("text then </a>"));
  EXPECT_TRUE(looksLikeHtml("<!DOCTYPE html><html>"));
  EXPECT_TRUE(looksLikeHtml("<br/>"));
  EXPECT_FALSE(looksLikeHtml("a < b and c > d"));
  EXPECT_FALSE(looksLikeHtml("I <3 it"));
  EXPECT_FALSE(looksLikeHtml("Write to <hello@acme.com>"));
  EXPECT_FALSE(looksLikeHtml("no markup at all"));
}

TEST(TemplateLinks, HtmlHrefsWithExactOffsets) {
  std::string html = "<p><a href=\"https://acme.com/a?x=1&amp;y=2\">A</a>\n"
                     "<area href=' {{unsubscribe_url}} '><a name=x>no href</a>"
                     "<A HREF=http://acme.com/b>B</A></p>";
  std::vector<RawLink> links = htmlLinks(html);
  ASSERT_EQ(links.size(), 3u);
  EXPECT_EQ(links[0].url, "https://acme.com/a?x=1&y=2"); // entities decoded
  EXPECT_EQ(html.substr(links[0].begin, links[0].end - links[0].begin),
            "https://acme.com/a?x=1&amp;y=2"); // offsets of the text as written
  EXPECT_TRUE(links[0].fromHtml);
  EXPECT_EQ(links[1].url, "{{unsubscribe_url}}"); // blanks trimmed
  EXPECT_EQ(html.substr(links[1].begin, links[1].end - links[1].begin), "{{unsubscribe_url}}");
  EXPECT_EQ(links[2].url, "http://acme.com/b");
  EXPECT_EQ(html.substr(links[2].begin, links[2].end - links[2].begin), "http://acme.com/b");
}

TEST(TemplateLinks, MisnestedAnchorIsReportedOnce) {
  // The adoption agency algorithm clones the <a> into the <p>.
  std::vector<RawLink> links = htmlLinks("<a href=\"https://x.com\"><p>one</a>two</p>");
  ASSERT_EQ(links.size(), 1u);
  EXPECT_EQ(links[0].begin, 9u);
}

TEST(TemplateLinks, DeepHtmlIsOverTheLimit) {
  std::string deep;
  for (int i = 0; i < 20000; ++i)
    deep += "<div>";
  EXPECT_FALSE(htmlWithinLimits(deep));
  std::string shallow;
  for (int i = 0; i < 20000; ++i)
    shallow += "<p>x</p><br><img src=x>";
  EXPECT_TRUE(htmlWithinLimits(shallow));
}

TEST(TemplateLinks, PlainTextTokens) {
  std::vector<RawLink> links =
      plainLinks("See https://acme.com/a. Or (HTTP://acme.com/b_(c)), or "
                 "https://acme.com/p?n={{first_name | default: 'a b'}}&z=1 now");
  ASSERT_EQ(links.size(), 3u);
  EXPECT_EQ(links[0].url, "https://acme.com/a");
  EXPECT_EQ(links[0].begin, 4u);
  EXPECT_EQ(links[0].end, 22u);
  EXPECT_EQ(links[1].url, "HTTP://acme.com/b_(c)");
  EXPECT_EQ(links[2].url, "https://acme.com/p?n={{first_name | default: 'a b'}}&z=1");
  EXPECT_FALSE(links[0].fromHtml);
}

TEST(TemplateLinks, BuiltinPlaceholdersInPlainText) {
  std::vector<RawLink> links = plainLinks(
      "Bye: {{unsubscribe_url}} {{owner_name}} https://acme.com/{{view_in_browser_url}}");
  ASSERT_EQ(links.size(), 2u);
  EXPECT_EQ(links[0].url, "{{unsubscribe_url}}");
  EXPECT_EQ(links[0].begin, 5u);
  EXPECT_EQ(links[1].url, "https://acme.com/{{view_in_browser_url}}");
}

TEST(TemplateLinks, UrlJudgement) {
  UrlFacts ok = analyzeUrl("https://Acme.COM/start?utm_source=email&x=1");
  EXPECT_TRUE(ok.valid);
  EXPECT_EQ(ok.scheme, "https");
  EXPECT_EQ(ok.host, "acme.com");
  EXPECT_TRUE(ok.hasUtm);

  UrlFacts noUtm = analyzeUrl("HTTP://acme.com/start?utm=1&xutm_source=2");
  EXPECT_TRUE(noUtm.valid);
  EXPECT_EQ(noUtm.scheme, "http");
  EXPECT_FALSE(noUtm.hasUtm);
  EXPECT_TRUE(analyzeUrl("https://acme.com/?UTM_Campaign=x").hasUtm);

  EXPECT_EQ(analyzeUrl("acme.com/start").problem,
            "it is a relative URL with no scheme and host (write `https://` and the domain)");
  EXPECT_EQ(analyzeUrl("//acme.com/start").problem,
            "it has no scheme (write `https:` before `//`)");
  EXPECT_EQ(analyzeUrl("https:///start").problem,
            "it has no host (write `https://` and the domain)");
  EXPECT_EQ(analyzeUrl("https://acme.com/a b").problem, "it contains a space (write `%20`)");
  EXPECT_EQ(analyzeUrl("https://acme.com/caf\xC3\xA9").problem,
            "`\xC3\xA9` must be percent-encoded");
  EXPECT_EQ(analyzeUrl("https://acme.com/\"x").problem, "the character `\"` is not allowed there");
  EXPECT_EQ(analyzeUrl("").problem, "it is empty");
  EXPECT_FALSE(analyzeUrl("acme.com").valid);
}

TEST(TemplateLinks, UrlsWithPlaceholders) {
  UrlFacts inPath = analyzeUrl("https://acme.com/u/{{first_name}}?utm_source=sms");
  EXPECT_TRUE(inPath.valid);
  EXPECT_TRUE(inPath.hasUtm);
  EXPECT_FALSE(inPath.queryHasPlaceholder);
  UrlFacts inQuery = analyzeUrl("https://acme.com/?{{tracking}}");
  EXPECT_TRUE(inQuery.valid);
  EXPECT_TRUE(inQuery.queryHasPlaceholder);
  EXPECT_TRUE(analyzeUrl("{{landing_page}}/x").dynamic);
  EXPECT_TRUE(analyzeUrl("https://acme.com/{{broken").dynamic);
  EXPECT_TRUE(analyzeUrl("#top").anchor);
  EXPECT_TRUE(analyzeUrl("mailto:hello@acme.com").valid);
  EXPECT_EQ(analyzeUrl("mailto:hello@acme.com").scheme, "mailto");
  EXPECT_TRUE(analyzeUrl("tel:+15551234").valid);
}
