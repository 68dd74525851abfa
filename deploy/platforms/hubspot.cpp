// HubSpot for `mac deploy`: flows through the Automation v4 API (create,
// update with the held revisionId, switch off with isEnabled false), lists
// through CRM Lists v3, contact properties and custom event definitions.
// A create whose answer was lost is looked up by name before it is sent
// again. Properties and events that already exist are adopted and updated.
#include "deploy/platforms/platforms.h"

namespace mac::deploy {
namespace {

using nlohmann::json;

class HubspotPlatform final : public Platform {
public:
  llvm::Error connect(Session &session,
                      const std::map<std::string, std::string> &credentials) override {
    session.setHeaders({{"Authorization", "Bearer " + credentials.at("MAC_HUBSPOT_TOKEN")}});
    return llvm::Error::success();
  }

  std::string defaultBaseUrl(const std::map<std::string, std::string> &) const override {
    return "https://api.hubapi.com";
  }

  release::DriftRules driftRules(const std::string &kind) const override {
    if (kind == "flow")
      return {{"id", "revisionId", "createdAt", "updatedAt", "crmObjectCreationStatus",
               "nextAvailableActionId"},
              "actionId"};
    return {{"id", "listId", "createdAt", "updatedAt", "listVersion", "size", "createdUserId",
             "updatedUserId", "archived", "hidden", "formField", "calculated", "externalOptions",
             "fullyQualifiedName", "objectTypeId"},
            ""};
  }

  llvm::Expected<std::optional<json>> read(Session &session, const Resource &resource,
                                           const ResourceRecord &record) override {
    auto held = session.read(readPath(resource, record.id));
    if (!held || !*held || resource.kind != "list")
      return held;
    return std::optional<json>((**held).value("list", json::object()));
  }

  llvm::Expected<ResourceRecord> apply(Session &session, const Resource &resource,
                                       const ResourceRecord *current, Progress &progress) override {
    if (resource.kind == "flow")
      return applyFlow(session, resource, current, progress);
    if (resource.kind == "list")
      return applyList(session, resource, current, progress);
    if (resource.kind == "property" || resource.kind == "event")
      return applyNamed(session, resource, progress);
    return llvm::createStringError(std::errc::invalid_argument,
                                   "%s: HubSpot has no mapping for a %s", resource.file.c_str(),
                                   resource.kind.c_str());
  }

  llvm::Error switchOff(Session &session, const std::string &, ResourceRecord &record,
                        Progress &progress) override {
    return progress.step([&]() -> llvm::Error {
      std::string path = "/automation/v4/flows/" + record.id;
      auto held = session.read(path);
      if (!held)
        return held.takeError();
      if (!*held)
        return llvm::Error::success(); // gone already: nothing left to switch off
      json body = **held;
      body["isEnabled"] = false;
      auto answer = session.call("PUT", path, &body);
      return answer ? llvm::Error::success() : answer.takeError();
    });
  }

private:
  static std::string readPath(const Resource &resource, const std::string &id) {
    if (resource.kind == "flow")
      return "/automation/v4/flows/" + id;
    if (resource.kind == "list")
      return "/crm/v3/lists/" + id;
    if (resource.kind == "property")
      return "/crm/v3/properties/0-1/" + percentEncode(id);
    return "/events/v3/event-definitions/" + percentEncode(id);
  }

  llvm::Expected<ResourceRecord> applyFlow(Session &session, const Resource &resource,
                                           const ResourceRecord *current, Progress &progress) {
    ResourceRecord record;
    if (current)
      record.id = current->id;
    if (llvm::Error error = progress.step([&]() -> llvm::Error {
          if (!record.id.empty()) {
            // The PUT must carry the revision the platform holds now.
            std::string path = "/automation/v4/flows/" + record.id;
            auto held = session.read(path);
            if (!held)
              return held.takeError();
            if (*held) {
              json body = resource.payload;
              body["revisionId"] = (**held).value("revisionId", json("0"));
              auto answer = session.call("PUT", path, &body);
              return answer ? llvm::Error::success() : answer.takeError();
            }
          }
          auto created = session.call("POST", "/automation/v4/flows", &resource.payload,
                                      findFlowByName(session, resource.payload.value("name", "")));
          if (!created)
            return created.takeError();
          record.id = idText(created->value("id", json("")));
          progress.saved()["id"] = record.id;
          return llvm::Error::success();
        }))
      return error;
    if (record.id.empty())
      record.id = progress.saved().value("id", "");
    return record;
  }

  static Session::Recover findFlowByName(Session &session, std::string name) {
    return [&session, name]() -> llvm::Expected<std::optional<json>> {
      auto listing = session.read("/automation/v4/flows");
      if (!listing)
        return listing.takeError();
      if (*listing)
        for (const json &flow : (**listing).value("results", json::array()))
          if (flow.value("name", "") == name)
            return std::optional<json>(flow);
      return std::optional<json>();
    };
  }

  llvm::Expected<ResourceRecord> applyList(Session &session, const Resource &resource,
                                           const ResourceRecord *current, Progress &progress) {
    ResourceRecord record;
    if (current)
      record.id = current->id;
    std::string name = resource.payload.value("name", "");
    if (record.id.empty()) {
      Session::Recover byName = [&]() -> llvm::Expected<std::optional<json>> {
        return session.read("/crm/v3/lists/object-type-id/0-1/name/" + percentEncode(name));
      };
      if (llvm::Error error = progress.step([&]() -> llvm::Error {
            auto created = session.call("POST", "/crm/v3/lists", &resource.payload, byName);
            if (!created)
              return created.takeError();
            progress.saved()["id"] =
                idText(created->value("list", json::object()).value("listId", json("")));
            return llvm::Error::success();
          }))
        return error;
      record.id = progress.saved().value("id", "");
      return record;
    }
    if (llvm::Error error = progress.step([&]() -> llvm::Error {
          auto renamed = session.call("PUT", "/crm/v3/lists/" + record.id + "/update-list-name" +
                                                 queryString({{"listName", name}}));
          return renamed ? llvm::Error::success() : renamed.takeError();
        }))
      return error;
    if (resource.payload.contains("filterBranch")) {
      if (llvm::Error error = progress.step([&]() -> llvm::Error {
            json body = {{"filterBranch", resource.payload["filterBranch"]}};
            auto updated =
                session.call("PUT", "/crm/v3/lists/" + record.id + "/update-list-filters", &body);
            return updated ? llvm::Error::success() : updated.takeError();
          }))
        return error;
    }
    return record;
  }

  /// Properties and event definitions are identified by their name:
  /// created when absent, updated (PATCH) when the platform has one.
  llvm::Expected<ResourceRecord> applyNamed(Session &session, const Resource &resource,
                                            Progress &progress) {
    ResourceRecord record;
    record.id = resource.payload.value("name", resource.name);
    std::string collection =
        resource.kind == "property" ? "/crm/v3/properties/0-1" : "/events/v3/event-definitions";
    if (llvm::Error error = progress.step([&]() -> llvm::Error {
          auto held = session.read(readPath(resource, record.id));
          if (!held)
            return held.takeError();
          if (*held) {
            json body = resource.payload;
            body.erase("name");
            auto patched =
                session.call("PATCH", collection + "/" + percentEncode(record.id), &body);
            return patched ? llvm::Error::success() : patched.takeError();
          }
          Session::Recover adopt = [&]() { return session.read(readPath(resource, record.id)); };
          auto created = session.call("POST", collection, &resource.payload, adopt);
          return created ? llvm::Error::success() : created.takeError();
        }))
      return error;
    return record;
  }
};

} // namespace

std::unique_ptr<Platform> makeHubspotPlatform() { return std::make_unique<HubspotPlatform>(); }

} // namespace mac::deploy
