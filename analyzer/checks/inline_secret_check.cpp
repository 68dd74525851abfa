// MAC5003 inline-secret: a credential written as a literal in a webhook. It
// looks at two places: a header whose name says it carries a credential
// (Authorization, Proxy-Authorization, Cookie, X-Api-Key, Api-Key,
// X-Auth-Token, or any name containing token, secret, password, apikey,
// api-key or api_key, case-insensitive) with a literal value instead of
// `secret "NAME"`; and every URL line of the webhook, parsed with uriparser:
// a userinfo (`https://user:pass@host`) or a query parameter named like a
// credential (token, access_token, api_key, key, secret, password, sig, ...)
// with a value. The primary range is the value itself. Headers get a fix
// (`secret "WEBHOOK_HEADER"`); URLs do not (the credential has to move to a
// header, which the receiving service must accept). Messages never repeat
// the credential.
#include "analyzer/check.h"
#include "analyzer/decl_edits.h"
#include "analyzer/environment_model.h"

#include <array>

namespace mac::analyzer {

namespace {

std::string lowered(std::string_view text) {
  std::string out(text);
  for (char &c : out)
    if (c >= 'A' && c <= 'Z')
      c = static_cast<char>(c - 'A' + 'a');
  return out;
}

bool isCredentialHeader(std::string_view name) {
  static constexpr std::array<std::string_view, 6> kExact = {
      "authorization", "proxy-authorization", "cookie", "x-api-key", "api-key", "x-auth-token"};
  static constexpr std::array<std::string_view, 6> kParts = {"token",  "secret",  "password",
                                                             "apikey", "api-key", "api_key"};
  std::string lower = lowered(name);
  for (std::string_view exact : kExact)
    if (lower == exact)
      return true;
  for (std::string_view part : kParts)
    if (lower.find(part) != std::string::npos)
      return true;
  return false;
}

bool isCredentialParam(std::string_view name) {
  static constexpr std::array<std::string_view, 17> kNames = {
      "token",  "access_token", "refresh_token", "auth_token",    "api_key",  "api-key",
      "apikey", "key",          "secret",        "client_secret", "password", "passwd",
      "pwd",    "sig",          "signature",     "x-api-key",     "auth"};
  std::string lower = lowered(name);
  for (std::string_view credential : kNames)
    if (lower == credential)
      return true;
  return false;
}

/// `ROUTER_X_API_KEY` for webhook `router` and header `X-Api-Key`.
std::string secretName(std::string_view webhook, std::string_view header) {
  std::string out;
  for (char c : std::string(webhook) + "_" + std::string(header)) {
    bool word = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (word)
      out += static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
    else if (!out.empty() && out.back() != '_')
      out += '_';
  }
  while (!out.empty() && out.back() == '_')
    out.pop_back();
  return out;
}

bool blank(std::string_view text) {
  return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

class InlineSecretCheck final : public Check {
public:
  std::string_view name() const override { return "inline-secret"; }

  void run(CheckContext &ctx) override {
    const EnvironmentModel &model = ctx.get<EnvironmentModel>();
    const auto &webhooks = ctx.program().webhooks;
    for (uint32_t w = 0; w < webhooks.size(); ++w) {
      if (inStdlib(ctx.sources(), webhooks[w].range))
        continue;
      for (const sema::WebhookHeader &header : webhooks[w].headers)
        checkHeader(ctx, webhooks[w], header);
      for (size_t i = 0; i < webhooks[w].urls.size(); ++i)
        if (const UrlEndpoint *parts = model.urlParts(sema::WebhookId{w}, i))
          checkUrl(ctx, webhooks[w], webhooks[w].urls[i].url, *parts);
    }
  }

private:
  static void checkHeader(CheckContext &ctx, const sema::Webhook &webhook,
                          const sema::WebhookHeader &header) {
    const std::string &value = header.value.value;
    if (header.secret || blank(value) || !isCredentialHeader(header.name.value))
      return;
    std::string what = "header `" + header.name.value + "` of webhook `" + webhook.name + "`";
    SourceRange range = header.value.rangeOf(0, static_cast<uint32_t>(value.size()));
    diag::Diagnostic &d = ctx.diags().report(diag::Code::InlineSecret, range, what);
    std::string secret = "secret \"" + secretName(webhook.name, header.name.value) + "\"";
    d.fixes.push_back(
        {"refer to the secret by name: `" + secret + "`", {{header.value.range, secret}}});
  }

  static void checkUrl(CheckContext &ctx, const sema::Webhook &webhook, const sema::Text &url,
                       const UrlEndpoint &parts) {
    std::string where = " in the URL of webhook `" + webhook.name + "`";
    if (parts.userInfo && !parts.userInfo->empty()) {
      std::string_view info = std::string_view(url.value).substr(
          parts.userInfo->begin, parts.userInfo->end - parts.userInfo->begin);
      std::string what = info.find(':') != std::string_view::npos
                             ? "the userinfo (user name and password)"
                             : "the userinfo (user name)";
      ctx.diags().report(diag::Code::InlineSecret,
                         url.rangeOf(parts.userInfo->begin, parts.userInfo->end), what + where);
    }
    for (const UrlQueryParam &param : parts.query)
      if (!param.valueSpan.empty() && !blank(param.value) && isCredentialParam(param.name))
        ctx.diags().report(diag::Code::InlineSecret,
                           url.rangeOf(param.valueSpan.begin, param.valueSpan.end),
                           "query parameter `" + param.name + "`" + where);
  }
};

} // namespace

std::unique_ptr<Check> createInlineSecretCheck() { return std::make_unique<InlineSecretCheck>(); }

} // namespace mac::analyzer
