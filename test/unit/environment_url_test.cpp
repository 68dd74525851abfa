// Unit tests for the webhook URL parts the environment model and MAC5003 /
// MAC5004 read (analyzer/url_endpoint.h): host and port normalisation, the
// endpoint comparison, userinfo and query parameters with their positions.
#include "analyzer/url_endpoint.h"

#include <gtest/gtest.h>

using namespace mac::analyzer;

namespace {

std::string_view slice(std::string_view url, UrlSpan span) {
  return url.substr(span.begin, span.end - span.begin);
}

} // namespace

TEST(EnvironmentUrl, ParsesSchemeHostPortLowerCased) {
  std::string_view url = "HTTPS://Router.ACME.com.:8443/assign?x=1";
  auto parts = parseUrlEndpoint(url);
  ASSERT_TRUE(parts);
  EXPECT_EQ(parts->scheme, "https");
  EXPECT_EQ(parts->host, "router.acme.com");
  EXPECT_EQ(parts->port, "8443");
  EXPECT_EQ(parts->effectivePort(), "8443");
  EXPECT_EQ(slice(url, parts->authority), "Router.ACME.com.:8443");
  EXPECT_FALSE(parts->userInfo);
}

TEST(EnvironmentUrl, DefaultPortsFollowTheScheme) {
  EXPECT_EQ(parseUrlEndpoint("https://a.com/x")->effectivePort(), "443");
  EXPECT_EQ(parseUrlEndpoint("http://a.com/x")->effectivePort(), "80");
  EXPECT_EQ(parseUrlEndpoint("ftp://a.com/x")->effectivePort(), "");
}

TEST(EnvironmentUrl, SameEndpointComparesHostAndEffectivePort) {
  auto prod = *parseUrlEndpoint("https://router.acme.com/assign");
  EXPECT_TRUE(prod.sameEndpoint(*parseUrlEndpoint("https://ROUTER.acme.com:443/other?q=1")));
  EXPECT_TRUE(prod.sameEndpoint(*parseUrlEndpoint("https://router.acme.com./assign")));
  EXPECT_FALSE(prod.sameEndpoint(*parseUrlEndpoint("https://router.acme.com:8443/assign")));
  EXPECT_FALSE(prod.sameEndpoint(*parseUrlEndpoint("https://router.dev.acme.com/assign")));
  EXPECT_FALSE(prod.sameEndpoint(*parseUrlEndpoint("http://router.acme.com/assign")));
}

TEST(EnvironmentUrl, Ipv6AuthorityIncludesBrackets) {
  std::string_view url = "https://[::1]/x";
  auto parts = parseUrlEndpoint(url);
  ASSERT_TRUE(parts);
  EXPECT_EQ(parts->host, "::1");
  EXPECT_EQ(slice(url, parts->authority), "[::1]");
}

TEST(EnvironmentUrl, UserInfoSpan) {
  std::string_view url = "https://svc:hunter2@crm.acme.com/sync";
  auto parts = parseUrlEndpoint(url);
  ASSERT_TRUE(parts && parts->userInfo);
  EXPECT_EQ(slice(url, *parts->userInfo), "svc:hunter2");
  EXPECT_EQ(slice(url, parts->authority), "crm.acme.com");
}

TEST(EnvironmentUrl, QueryParamsAreDecodedWithTheirPositions) {
  std::string_view url = "https://a.com/p?a=1&&api%5Fkey=x%20y&flag&c=&plus=a+b";
  auto parts = parseUrlEndpoint(url);
  ASSERT_TRUE(parts);
  ASSERT_EQ(parts->query.size(), 5u);
  EXPECT_EQ(parts->query[0].name, "a");
  EXPECT_EQ(slice(url, parts->query[0].valueSpan), "1");
  EXPECT_EQ(parts->query[1].name, "api_key");
  EXPECT_EQ(parts->query[1].value, "x y");
  EXPECT_EQ(slice(url, parts->query[1].nameSpan), "api%5Fkey");
  EXPECT_EQ(slice(url, parts->query[1].valueSpan), "x%20y");
  EXPECT_EQ(parts->query[2].name, "flag");
  EXPECT_TRUE(parts->query[2].valueSpan.empty());
  EXPECT_EQ(parts->query[3].name, "c");
  EXPECT_TRUE(parts->query[3].valueSpan.empty());
  EXPECT_EQ(parts->query[4].value, "a b");
}

TEST(EnvironmentUrl, RejectsWhatIsNotAnAbsoluteUrlWithAHost) {
  EXPECT_FALSE(parseUrlEndpoint("not a url"));
  EXPECT_FALSE(parseUrlEndpoint("/relative/path"));
  EXPECT_FALSE(parseUrlEndpoint("mailto:ops@acme.com"));
  EXPECT_FALSE(parseUrlEndpoint(""));
}
