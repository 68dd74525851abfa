// HtmlLinkMemo: what it returns is always htmlLinks() of the same text,
// whether from the memo or not, from one thread or many; rounds forget the
// texts nobody asked for; changedThisRound() says when a stored copy is
// out of date (compiler/driver/html_link_store.h relies on it).
#include "analyzer/html_link_memo.h"

#include <gtest/gtest.h>
#include <llvm/Support/Parallel.h>

#include <algorithm>

#include <string>
#include <vector>

namespace mac::analyzer {
namespace {

bool sameLinks(const std::vector<RawLink> &a, const std::vector<RawLink> &b) {
  if (a.size() != b.size())
    return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (a[i].url != b[i].url || a[i].begin != b[i].begin || a[i].end != b[i].end ||
        a[i].fromHtml != b[i].fromHtml)
      return false;
  return true;
}

std::string body(int n) {
  return "<p>Issue " + std::to_string(n) + "</p><a href=\"https://acme.com/p/" + std::to_string(n) +
         "?utm_source=email\">Read</a> <a href='{{unsubscribe_url}}'>Stop</a>";
}

TEST(HtmlLinkMemo, ReturnsWhatHtmlLinksReturnsAndCounts) {
  HtmlLinkMemo memo;
  std::string text = body(1);
  std::vector<RawLink> expected = htmlLinks(text);
  ASSERT_EQ(expected.size(), 2u);
  EXPECT_TRUE(sameLinks(memo.linksOf(text), expected));
  EXPECT_EQ(memo.misses(), 1u);
  EXPECT_EQ(memo.hits(), 0u);
  EXPECT_TRUE(sameLinks(memo.linksOf(std::string(text)), expected)); // another buffer, same bytes
  EXPECT_EQ(memo.hits(), 1u);
  // One byte more is another text.
  std::string longer = text + " ";
  memo.linksOf(longer);
  EXPECT_EQ(memo.misses(), 2u);
}

TEST(HtmlLinkMemo, RoundsForgetUnusedTexts) {
  HtmlLinkMemo memo;
  memo.linksOf(body(1));
  memo.linksOf(body(2));
  EXPECT_TRUE(memo.changedThisRound()); // parsed texts
  memo.dropUnused();
  memo.linksOf(body(1));
  memo.linksOf(body(2));
  EXPECT_EQ(memo.hits(), 2u);
  EXPECT_FALSE(memo.changedThisRound()); // the same two texts, both from the memo
  memo.dropUnused();
  memo.linksOf(body(1)); // body(2) unused this round
  EXPECT_TRUE(memo.changedThisRound());
  memo.dropUnused();
  memo.linksOf(body(2)); // forgotten: parsed again
  EXPECT_EQ(memo.misses(), 1u);
}

TEST(HtmlLinkMemo, InsertedResultsAreUsedOnlyWhenAskedFor) {
  HtmlLinkMemo memo;
  std::vector<RawLink> stored = htmlLinks(body(3));
  memo.insert(body(3), stored);
  memo.insert(body(4), htmlLinks(body(4)));
  EXPECT_TRUE(sameLinks(memo.linksOf(body(3)), stored));
  EXPECT_EQ(memo.hits(), 1u);
  EXPECT_EQ(memo.misses(), 0u);
  std::vector<std::string> used;
  memo.forEachUsed([&](std::string_view html, const std::vector<RawLink> &links) {
    used.emplace_back(html);
    EXPECT_TRUE(sameLinks(links, stored));
  });
  EXPECT_EQ(used, std::vector<std::string>{body(3)});
  EXPECT_TRUE(memo.changedThisRound()); // body(4) went unused
}

TEST(HtmlLinkMemo, ForEachUsedIsOrderedByText) {
  HtmlLinkMemo memo;
  for (int n : {5, 3, 9, 1})
    memo.linksOf(body(n));
  std::vector<std::string> seen;
  memo.forEachUsed([&](std::string_view html, const auto &) { seen.emplace_back(html); });
  std::vector<std::string> sorted = seen;
  std::sort(sorted.begin(), sorted.end());
  EXPECT_EQ(seen, sorted);
  EXPECT_EQ(seen.size(), 4u);
}

TEST(HtmlLinkMemo, ManyThreadsGetTheSameResults) {
  HtmlLinkMemo memo;
  std::vector<std::string> texts;
  for (int n = 0; n < 400; ++n)
    texts.push_back(body(n % 100)); // each text four times, asked concurrently
  std::vector<std::vector<RawLink>> got(texts.size());
  llvm::parallelForEachN(0, texts.size(), [&](size_t i) { got[i] = memo.linksOf(texts[i]); });
  for (size_t i = 0; i < texts.size(); ++i)
    EXPECT_TRUE(sameLinks(got[i], htmlLinks(texts[i]))) << texts[i];
  EXPECT_EQ(memo.hits() + memo.misses(), 400u);
  EXPECT_GE(memo.misses(), 100u);
}

} // namespace
} // namespace mac::analyzer
