// Salesforce Marketing Cloud for `mac deploy`: a client-credentials token
// (`POST /v2/token` on the tenant's auth host, or on --endpoint), then data
// extensions (`POST /data/v1/customobjects`), journey event definitions
// (created, or replaced by key with PUT) and journeys. A journey is POSTed
// (a key SFMC already holds makes version N+1), published with
// publishAsync and polled until PublishCompleted (Error fails with SFMC's
// errors; about a minute at most); the record keeps the journey id and its
// key and version, and switching off stops that version. The build's
// `deploy:dataExtensionId:NAME` strings arrive here already replaced by the
// recorded data extension ids (deploy/placeholders.h, done by apply and plan).
#include "deploy/platforms/platforms.h"

#include <fmt/format.h>

#include <chrono>
#include <thread>

namespace mac::deploy {
namespace {

using nlohmann::json;

class SfmcPlatform final : public Platform {
public:
  llvm::Error connect(Session &session,
                      const std::map<std::string, std::string> &credentials) override {
    json body = {{"grant_type", "client_credentials"},
                 {"client_id", credentials.at("MAC_SFMC_CLIENT_ID")},
                 {"client_secret", credentials.at("MAC_SFMC_CLIENT_SECRET")}};
    if (auto account = credentials.find("MAC_SFMC_ACCOUNT_ID"); account != credentials.end())
      body["account_id"] = account->second;
    HttpRequest request{"POST",
                        session.baseUrl() + "/v2/token",
                        {{"Content-Type", "application/json"}, {"Accept", "application/json"}},
                        body.dump()};
    auto authenticated = session.authenticate(std::move(request), "POST /v2/token");
    if (!authenticated)
      return authenticated.takeError();
    const json &answer = *authenticated;
    // The REST host SFMC hands out replaces the auth host, unless the
    // caller chose the endpoint (--endpoint serves both).
    std::string rest = answer.value("rest_instance_url", "");
    if (!rest.empty() && session.baseUrl() == defaultBaseUrl(credentials)) {
      while (!rest.empty() && rest.back() == '/')
        rest.pop_back();
      session.setBaseUrl(rest);
    }
    return llvm::Error::success();
  }

  std::string defaultBaseUrl(const std::map<std::string, std::string> &credentials) const override {
    auto subdomain = credentials.find("MAC_SFMC_SUBDOMAIN");
    return "https://" + (subdomain == credentials.end() ? std::string("?") : subdomain->second) +
           ".auth.marketingcloudapis.com";
  }

  release::DriftRules driftRules(const std::string &) const override {
    return {{"id", "version", "status", "createdDate", "modifiedDate", "lastPublishedDate",
             "definitionId", "stats", "createdBy", "modifiedBy"},
            ""};
  }

  llvm::Expected<std::optional<json>> read(Session &session, const Resource &resource,
                                           const ResourceRecord &record) override {
    if (resource.kind == "data-extension") {
      // No read of a data extension over this API: the build's copy
      // stands for what is held (nullopt would mean "gone, create again").
      return std::optional<json>(resource.payload);
    }
    std::string path =
        resource.kind == "event-definition"
            ? "/interaction/v1/eventDefinitions/key:" +
                  percentEncode(resource.payload.value("eventDefinitionKey", resource.name))
            : "/interaction/v1/interactions/" + percentEncode(record.id);
    return session.read(path);
  }

  llvm::Expected<ResourceRecord> apply(Session &session, const Resource &resource,
                                       const ResourceRecord *current, Progress &progress) override {
    if (resource.kind == "data-extension")
      return applyDataExtension(session, resource, current, progress);
    if (resource.kind == "event-definition")
      return applyEventDefinition(session, resource.payload, progress);
    if (resource.kind == "flow")
      return applyJourney(session, resource.payload, current, progress);
    return llvm::createStringError(std::errc::invalid_argument, "%s: SFMC has no mapping for a %s",
                                   resource.file.c_str(), resource.kind.c_str());
  }

  llvm::Error switchOff(Session &session, const std::string &key, ResourceRecord &record,
                        Progress &progress) override {
    if (key.rfind("flow/", 0) != 0)
      return llvm::Error::success(); // data extensions and event definitions stay as they are
    return progress.step([&]() -> llvm::Error {
      auto stopped =
          session.call("POST", "/interaction/v1/interactions/stop/" + percentEncode(record.id) +
                                   queryString({{"versionNumber", versionOf(record)}}));
      return stopped ? llvm::Error::success() : stopped.takeError();
    });
  }

private:
  static std::string versionOf(const ResourceRecord &record) {
    return idText(record.extra.value("version", json(1)));
  }

  llvm::Expected<ResourceRecord> applyDataExtension(Session &session, const Resource &resource,
                                                    const ResourceRecord *current,
                                                    Progress &progress) {
    if (current)
      return llvm::createStringError(
          std::errc::operation_not_supported,
          "%s: data extension %s (id %s) changed, and SFMC's API cannot change a data "
          "extension's fields: change it in Contact Builder, or give it a new name",
          resource.file.c_str(), resource.name.c_str(), current->id.c_str());
    if (llvm::Error error = progress.step([&]() -> llvm::Error {
          auto created = session.call("POST", "/data/v1/customobjects", &resource.payload);
          if (!created)
            return created.takeError();
          progress.saved()["id"] = idText(created->value("id", json("")));
          return llvm::Error::success();
        }))
      return error;
    ResourceRecord record;
    record.id = progress.saved().value("id", "");
    return record;
  }

  /// Event definitions are identified by their key: replaced when SFMC holds
  /// one, created otherwise.
  llvm::Expected<ResourceRecord> applyEventDefinition(Session &session, const json &payload,
                                                      Progress &progress) {
    std::string path = "/interaction/v1/eventDefinitions/key:" +
                       percentEncode(payload.value("eventDefinitionKey", ""));
    if (llvm::Error error = progress.step([&]() -> llvm::Error {
          auto held = session.read(path);
          if (!held)
            return held.takeError();
          auto answer = *held ? session.call("PUT", path, &payload)
                              : session.call("POST", "/interaction/v1/eventDefinitions", &payload,
                                             [&]() { return session.read(path); });
          if (!answer)
            return answer.takeError();
          progress.saved()["id"] = idText(answer->value("id", json("")));
          return llvm::Error::success();
        }))
      return error;
    ResourceRecord record;
    record.id = progress.saved().value("id", "");
    return record;
  }

  llvm::Expected<ResourceRecord> applyJourney(Session &session, const json &payload,
                                              const ResourceRecord *current, Progress &progress) {
    std::string key = payload.value("key", "");
    json held = current ? current->extra.value("version", json(0)) : json(0);
    int heldVersion = held.is_number_integer() ? held.get<int>() : 0;
    // A POST that got no answer: the version SFMC made of it, if any.
    Session::Recover recover = [&]() -> llvm::Expected<std::optional<json>> {
      auto latest = session.read("/interaction/v1/interactions/key:" + percentEncode(key));
      if (latest && *latest && (**latest).value("version", 0) <= heldVersion)
        return std::optional<json>();
      return latest;
    };
    if (llvm::Error error = progress.step([&]() -> llvm::Error {
          auto created = session.call("POST", "/interaction/v1/interactions", &payload, recover);
          if (!created)
            return created.takeError();
          progress.saved()["id"] = idText(created->value("id", json("")));
          progress.saved()["version"] = created->value("version", 1);
          return llvm::Error::success();
        }))
      return error;
    ResourceRecord record;
    record.id = progress.saved().value("id", "");
    record.extra = {{"key", key}, {"version", progress.saved().value("version", 1)}};
    if (llvm::Error error = progress.step(
            [&]() -> llvm::Error { return publish(session, record.id, versionOf(record)); }))
      return error;
    return record;
  }

  /// publishAsync, then publishStatus until SFMC says how it ended.
  static llvm::Error publish(Session &session, const std::string &id, const std::string &version) {
    auto started =
        session.call("POST", "/interaction/v1/interactions/publishAsync/" + percentEncode(id) +
                                 queryString({{"versionNumber", version}}));
    if (!started)
      return started.takeError();
    std::string statusId = started->is_object() ? idText(started->value("statusId", json(""))) : "";
    if (statusId.empty())
      return llvm::createStringError(std::errc::protocol_error,
                                     "publishAsync of journey %s: the answer has no statusId",
                                     id.c_str());
    using namespace std::chrono;
    auto deadline = steady_clock::now() + seconds(60);
    milliseconds wait(100);
    for (;;) {
      auto status = session.call("GET", "/interaction/v1/interactions/publishStatus/" +
                                            percentEncode(statusId));
      if (!status)
        return status.takeError();
      std::string state = status->is_object() ? status->value("status", "") : "";
      if (state == "PublishCompleted")
        return llvm::Error::success();
      if (state == "Error")
        return llvm::createStringError(
            std::errc::protocol_error, "publishing journey %s version %s failed: %s", id.c_str(),
            version.c_str(), status->value("errors", json::array()).dump().c_str());
      if (steady_clock::now() + wait > deadline)
        return llvm::createStringError(
            std::errc::timed_out,
            "publishing journey %s version %s: still `%s` after 60 s; run the deploy again to "
            "publish it again",
            id.c_str(), version.c_str(), state.c_str());
      std::this_thread::sleep_for(wait);
      wait = std::min<milliseconds>(wait * 2, seconds(5));
    }
  }
};

} // namespace

std::unique_ptr<Platform> makeSfmcPlatform() { return std::make_unique<SfmcPlatform>(); }

} // namespace mac::deploy
