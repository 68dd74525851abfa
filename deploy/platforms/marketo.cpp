// Marketo for `mac deploy`: an access token from the identity endpoint,
// then the calls each compiled flow file lists — its `setup` calls (create
// the program and its smart campaigns, add program tokens), then its
// `release` calls (activate) — in order, one progress step each, so a
// resumed run continues after the last call that succeeded. `{{name}}`
// placeholders are filled from the values earlier calls saved (`saves`: a
// JSON pointer into the answer, kept in the progress and then in the
// record's `extra`) and from `MAC_MARKETO_FOLDER_ID`; a whole-string
// placeholder of an integer parameter becomes a number. Marketo answers 200
// with `success:false` for its own errors: 606, 607 and 615 (rate and
// concurrency limits) are retried with the session's backoff, any other
// code fails with Marketo's message. A flow deployed before (its program id
// in the record) re-runs only its token calls (addToken upserts) and its
// release calls. A program or campaign create whose answer was lost is
// looked up by name before it is sent again. Switching off deactivates the
// recorded campaigns. The record's id is the flow's main campaign.
#include "deploy/platforms/platforms.h"

#include <fmt/format.h>

#include <regex>

namespace mac::deploy {
namespace {

using nlohmann::json;

constexpr const char *kTokenCall = "addTokenTOFolderUsingPOST";

bool isRateLimit(const std::string &code) {
  return code == "606" || code == "607" || code == "615";
}

bool isCampaignKey(const std::string &key) {
  return key.size() >= 10 &&
         (key.compare(key.size() - 10, 10, "CampaignId") == 0 || key == "campaignId");
}

class MarketoPlatform final : public Platform {
public:
  llvm::Error connect(Session &session,
                      const std::map<std::string, std::string> &credentials) override {
    HttpRequest request{
        "GET",
        session.baseUrl() + "/identity/oauth/token" +
            queryString({{"grant_type", "client_credentials"},
                         {"client_id", credentials.at("MAC_MARKETO_CLIENT_ID")},
                         {"client_secret", credentials.at("MAC_MARKETO_CLIENT_SECRET")}}),
        {{"Accept", "application/json"}},
        ""};
    auto answer = session.authenticate(std::move(request), "GET /identity/oauth/token");
    if (!answer)
      return answer.takeError();
    if (auto folder = credentials.find("MAC_MARKETO_FOLDER_ID"); folder != credentials.end())
      folderId_ = folder->second;
    return llvm::Error::success();
  }

  std::string defaultBaseUrl(const std::map<std::string, std::string> &credentials) const override {
    auto munchkin = credentials.find("MAC_MARKETO_MUNCHKIN_ID");
    return "https://" + (munchkin == credentials.end() ? std::string("?") : munchkin->second) +
           ".mktorest.com";
  }

  /// A flow file is a list of calls, not an object Marketo can return:
  /// the build's copy stands for what is held.
  llvm::Expected<std::optional<json>> read(Session &, const Resource &resource,
                                           const ResourceRecord &) override {
    return std::optional<json>(resource.payload);
  }

  llvm::Expected<ResourceRecord> apply(Session &session, const Resource &resource,
                                       const ResourceRecord *current, Progress &progress) override {
    if (resource.kind != "flow")
      return llvm::createStringError(std::errc::invalid_argument,
                                     "%s: Marketo has no mapping for a %s", resource.file.c_str(),
                                     resource.kind.c_str());
    const json &payload = resource.payload;
    bool deployed = current && current->extra.contains("programId");
    std::vector<json> calls;
    for (const json &call : payload.value("setup", json::array()))
      if (!deployed || call.value("operation", "") == kTokenCall)
        calls.push_back(call);
    for (const json &call : payload.value("release", json::array()))
      calls.push_back(call);

    std::map<std::string, std::string> types;
    json parameters = payload.value("parameters", json::object());
    for (const auto &item : parameters.items())
      types[item.key()] =
          item.value().is_object() ? item.value().value("type", "string") : "string";
    json &saved = progress.saved();
    auto valueOf = [&](const std::string &name) -> std::optional<json> {
      if (saved.contains(name))
        return saved[name];
      if (current && current->extra.contains(name))
        return current->extra[name];
      if (name == "folderId" && !folderId_.empty())
        return json(folderId_);
      return std::nullopt;
    };

    for (const json &call : calls)
      if (llvm::Error error = progress.step([&]() -> llvm::Error {
            if (alreadySaved(call, saved))
              return llvm::Error::success(); // created by a run of an earlier payload
            auto filled = fill(call, valueOf, types, resource.file);
            if (!filled)
              return filled.takeError();
            auto answer = runCall(session, *filled);
            if (!answer)
              return answer.takeError();
            json saves = call.value("saves", json::object());
            for (const auto &item : saves.items()) {
              if (!item.value().is_string() || item.value().get<std::string>().rfind('/', 0) != 0)
                return llvm::createStringError(std::errc::invalid_argument,
                                               "%s: `saves.%s` is not a JSON pointer",
                                               resource.file.c_str(), item.key().c_str());
              json::json_pointer where(item.value().get<std::string>());
              if (!answer->contains(where))
                return llvm::createStringError(
                    std::errc::protocol_error, "%s %s: the answer has no %s (for {{%s}})",
                    call.value("method", "").c_str(), call.value("path", "").c_str(),
                    where.to_string().c_str(), item.key().c_str());
              saved[item.key()] = (*answer)[where];
            }
            return llvm::Error::success();
          }))
        return error;

    ResourceRecord record;
    if (current)
      record.extra = current->extra;
    for (const auto &item : saved.items())
      record.extra[item.key()] = idText(item.value());
    json boundId = payload.value("campaign", json::object()).value("id", json());
    std::string bound = boundId.is_null() ? "" : idText(boundId);
    record.id = !bound.empty() ? bound : record.extra.value("campaignId", "");
    if (record.id.empty() && current)
      record.id = current->id;
    return record;
  }

  llvm::Error switchOff(Session &session, const std::string &, ResourceRecord &record,
                        Progress &progress) override {
    std::vector<std::string> campaigns = {record.id};
    for (const auto &item : record.extra.items())
      if (isCampaignKey(item.key()) &&
          std::find(campaigns.begin(), campaigns.end(), idText(item.value())) == campaigns.end())
        campaigns.push_back(idText(item.value()));
    for (const std::string &id : campaigns)
      if (llvm::Error error = progress.step([&]() -> llvm::Error {
            auto answer =
                envelope(session, "POST",
                         "/rest/asset/v1/smartCampaign/" + percentEncode(id) + "/deactivate.json",
                         nullptr, nullptr, /*goneIsDone=*/true);
            return answer ? llvm::Error::success() : answer.takeError();
          }))
        return error;
    return llvm::Error::success();
  }

private:
  std::string folderId_; ///< MAC_MARKETO_FOLDER_ID

  using Lookup = std::function<std::optional<json>(const std::string &)>;

  /// A create whose every saved value an interrupted earlier run kept.
  static bool alreadySaved(const json &call, const json &saved) {
    const json &saves = call.value("saves", json::object());
    if (saves.empty())
      return false;
    for (const auto &item : saves.items())
      if (!saved.contains(item.key()))
        return false;
    return true;
  }

  /// The call with every `{{name}}` in its path and body filled in.
  static llvm::Expected<json> fill(const json &node, const Lookup &valueOf,
                                   const std::map<std::string, std::string> &types,
                                   const std::string &file) {
    if (node.is_object() || node.is_array()) {
      json out = node;
      for (auto &item : out.items()) {
        if (node.is_object() && item.key() == "saves")
          continue;
        auto filled = fill(item.value(), valueOf, types, file);
        if (!filled)
          return filled.takeError();
        item.value() = std::move(*filled);
      }
      return out;
    }
    if (!node.is_string())
      return node;
    static const std::regex placeholder(R"(\{\{(\w+)\}\})");
    std::string text = node.get<std::string>(), out;
    std::smatch whole;
    if (std::regex_match(text, whole, placeholder)) {
      auto value = valueOf(whole[1].str());
      auto type = types.find(whole[1].str());
      if (value && type != types.end() && type->second == "integer") {
        if (value->is_number_integer())
          return *value;
        std::string digits = idText(*value);
        if (!digits.empty() && digits.size() < 19 &&
            digits.find_first_not_of("0123456789") == std::string::npos)
          return json(std::stoll(digits));
      }
    }
    auto last = text.cbegin();
    for (std::sregex_iterator it(text.begin(), text.end(), placeholder), end; it != end; ++it) {
      auto value = valueOf((*it)[1].str());
      if (!value)
        return llvm::createStringError(
            std::errc::invalid_argument, "%s: no value for {{%s}}: no earlier call saved it%s",
            file.c_str(), (*it)[1].str().c_str(),
            (*it)[1].str() == "folderId" ? " (set MAC_MARKETO_FOLDER_ID)" : "");
      out.append(last, (*it)[0].first);
      out += idText(*value);
      last = (*it)[0].second;
    }
    out.append(last, text.cend());
    return json(out);
  }

  /// One filled call; creates that lost their answer are found by name.
  static llvm::Expected<json> runCall(Session &session, const json &call) {
    std::string operation = call.value("operation", "");
    std::string method = call.value("method", "POST"), path = call.value("path", "");
    const json *body = call.contains("body") ? &call["body"] : nullptr;
    Session::Recover recover;
    std::string name = body ? body->value("name", "") : "";
    if (operation == "createProgramUsingPOST")
      recover = [&session, name]() -> llvm::Expected<std::optional<json>> {
        auto found = session.call("GET", "/rest/asset/v1/program/byName.json" +
                                             queryString({{"name", name}}));
        if (!found)
          return found.takeError();
        if (!found->value("success", false) || found->value("result", json::array()).empty())
          return std::optional<json>();
        return std::optional<json>(*found);
      };
    if (operation == "createSmartCampaignUsingPOST") {
      json folder = body ? body->value("folder", json::object()).value("id", json()) : json();
      recover = [&session, name, folder]() -> llvm::Expected<std::optional<json>> {
        auto all = session.call("GET", "/rest/asset/v1/smartCampaigns.json");
        if (!all)
          return all.takeError();
        for (const json &campaign : all->value("result", json::array()))
          if (campaign.value("name", "") == name &&
              idText(campaign.value("folder", json::object()).value("id", json())) ==
                  idText(folder))
            return std::optional<json>(
                json{{"success", true}, {"result", json::array({campaign})}});
        return std::optional<json>();
      };
    }
    return envelope(session, method, path, body, recover, false);
  }

  /// A call whose 200 answer is Marketo's envelope: success:false is an
  /// error, retried (with the session's backoff) for the rate limits.
  static llvm::Expected<json> envelope(Session &session, const std::string &method,
                                       const std::string &path, const json *body,
                                       const Session::Recover &recover, bool goneIsDone) {
    const RetryPolicy &policy = session.retryPolicy();
    for (int attempt = 0;; ++attempt) {
      auto answer = session.call(method, path, body, recover);
      if (!answer || !answer->is_object() || answer->value("success", true))
        return answer;
      if (method != "GET")
        session.retractChange(); // HTTP 200, but Marketo did nothing
      json first =
          answer->value("errors", json::array()).empty() ? json::object() : (*answer)["errors"][0];
      std::string code = idText(first.value("code", json("")));
      std::string message = first.value("message", "");
      if (goneIsDone && code == "702")
        return answer;
      if (isRateLimit(code) && attempt < policy.maxRetries) {
        auto wait = policy.base * (1 << attempt);
        llvm::errs() << session.redactor()(
            fmt::format("mac: {} {} -> Marketo {} ({}); retrying in {:.1f} s (retry "
                        "{} of {})\n",
                        method, path, code, message, static_cast<double>(wait.count()) / 1000.0,
                        attempt + 1, policy.maxRetries));
        session.sleep(wait);
        continue;
      }
      return llvm::createStringError(
          std::errc::protocol_error, "%s",
          session
              .redactor()(
                  fmt::format("{} {} failed: Marketo error {}: {}{}", method, path, code, message,
                              isRateLimit(code) ? fmt::format(" (after {} retries)", attempt) : ""))
              .c_str());
    }
  }
};

} // namespace

std::unique_ptr<Platform> makeMarketoPlatform() { return std::make_unique<MarketoPlatform>(); }

} // namespace mac::deploy
