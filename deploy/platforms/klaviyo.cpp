// Klaviyo for `mac deploy`: flows through the Flows API. Klaviyo cannot
// change a flow's definition, so a create is `POST /api/flows` then a PATCH
// of its status to live, and an update creates the new flow, sets it live
// and switches the old one to draft (the old id stays in the record's
// `extra.previous`); switching off is a PATCH to draft. Every call carries
// the API revision header. A create whose answer was lost is looked up by
// name (`filter=equals(name,"...")`), among the flows that were not there
// before it, so a retry never creates a second copy; ids are saved in the progress after
// each operation, so a resumed run never creates twice either.
#include "deploy/platforms/platforms.h"

#include <set>

namespace mac::deploy {
namespace {

using nlohmann::json;

constexpr const char *kRevision = "2026-07-15";

/// `"text"` with `"` and `\` escaped, as Klaviyo's filter syntax wants.
std::string quoted(const std::string &text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\')
      out += '\\';
    out += c;
  }
  return out + "\"";
}

class KlaviyoPlatform final : public Platform {
public:
  llvm::Error connect(Session &session,
                      const std::map<std::string, std::string> &credentials) override {
    session.setHeaders(
        {{"Authorization", "Klaviyo-API-Key " + credentials.at("MAC_KLAVIYO_API_KEY")},
         {"revision", kRevision}});
    return llvm::Error::success();
  }

  std::string defaultBaseUrl(const std::map<std::string, std::string> &) const override {
    return "https://a.klaviyo.com";
  }

  release::DriftRules driftRules(const std::string &) const override {
    // What GET adds to the create request's attributes; action ids are
    // the platform's (the build names actions by temporary_id, which the
    // platform replaces by its own ids).
    return {
        {"id", "status", "archived", "created", "updated", "trigger_type", "links", "temporary_id"},
        ""};
  }

  llvm::Expected<std::optional<json>> read(Session &session, const Resource &,
                                           const ResourceRecord &record) override {
    return session.read("/api/flows/" + percentEncode(record.id) +
                        "?additional-fields%5Bflow%5D=definition");
  }

  llvm::Expected<ResourceRecord> apply(Session &session, const Resource &resource,
                                       const ResourceRecord *current, Progress &progress) override {
    if (resource.kind != "flow")
      return llvm::createStringError(std::errc::invalid_argument,
                                     "%s: Klaviyo has no mapping for a %s", resource.file.c_str(),
                                     resource.kind.c_str());
    std::string name = resource.payload.value("data", json::object())
                           .value("attributes", json::object())
                           .value("name", "");
    ResourceRecord record;
    // Switched off earlier with the same definition: set that flow live again.
    bool reenable = current && !current->enabled && current->hash == resource.hash;
    std::string previous = current && !reenable ? current->id : "";
    if (reenable) {
      record = *current;
    } else if (llvm::Error error = progress.step([&]() -> llvm::Error {
                 auto before = flowsNamed(session, name);
                 if (!before)
                   return before.takeError();
                 auto created = session.call("POST", "/api/flows", &resource.payload,
                                             findNew(session, name, *before));
                 if (!created)
                   return created.takeError();
                 const json &flow = created->contains("data") ? (*created)["data"] : *created;
                 progress.saved()["id"] = idText(flow.value("id", json("")));
                 return llvm::Error::success();
               })) {
      return error;
    }
    if (!reenable)
      record.id = progress.saved().value("id", "");
    if (record.id.empty())
      return llvm::createStringError(std::errc::protocol_error,
                                     "POST /api/flows: the answer has no flow id");
    if (llvm::Error error =
            progress.step([&]() -> llvm::Error { return setStatus(session, record.id, "live"); }))
      return error;
    if (!previous.empty()) {
      if (llvm::Error error =
              progress.step([&]() -> llvm::Error { return setStatus(session, previous, "draft"); }))
        return error;
      record.extra["previous"] = previous;
    }
    return record;
  }

  llvm::Error switchOff(Session &session, const std::string &, ResourceRecord &record,
                        Progress &progress) override {
    return progress.step([&]() -> llvm::Error { return setStatus(session, record.id, "draft"); });
  }

private:
  static llvm::Error setStatus(Session &session, const std::string &id, const std::string &status) {
    json body = {{"data", {{"type", "flow"}, {"id", id}, {"attributes", {{"status", status}}}}}};
    auto answer = session.call("PATCH", "/api/flows/" + percentEncode(id), &body);
    return answer ? llvm::Error::success() : answer.takeError();
  }

  /// The ids of the flows named `name` (older copies, drafts of updates).
  static llvm::Expected<std::set<std::string>> flowsNamed(Session &session,
                                                          const std::string &name) {
    auto listing =
        session.read("/api/flows" + queryString({{"filter", "equals(name," + quoted(name) + ")"}}));
    if (!listing)
      return listing.takeError();
    std::set<std::string> ids;
    if (*listing)
      for (const json &flow : (**listing).value("data", json::array()))
        ids.insert(idText(flow.value("id", json(""))));
    return ids;
  }

  /// After a create that got no answer: a flow of that name that was not
  /// there before the create (the platform acted on it), or nullopt.
  static Session::Recover findNew(Session &session, std::string name,
                                  std::set<std::string> before) {
    return [&session, name, before]() -> llvm::Expected<std::optional<json>> {
      auto listing = session.read("/api/flows" +
                                  queryString({{"filter", "equals(name," + quoted(name) + ")"}}));
      if (!listing)
        return listing.takeError();
      if (*listing)
        for (const json &flow : (**listing).value("data", json::array()))
          if (!before.count(idText(flow.value("id", json("")))))
            return std::optional<json>(flow);
      return std::optional<json>();
    };
  }
};

} // namespace

std::unique_ptr<Platform> makeKlaviyoPlatform() { return std::make_unique<KlaviyoPlatform>(); }

} // namespace mac::deploy
