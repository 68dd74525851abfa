// The Salesforce Marketing Cloud backend: every flow becomes a Journey
// Builder journey (`flows/<flow>.json`, the body of `POST
// /interaction/v1/interactions`) with its entry event definition
// (`assets/event-definitions/`), plus the contact data extension the
// journeys read and write (`assets/data-extensions/`) and DEPLOY.md.
// The data model is in sfmc_model.h; capabilities in sfmc_capabilities.cpp.
#include "backends/backend.h"
#include "backends/json_output.h"
#include "backends/sfmc/sfmc_capabilities.h"
#include "backends/sfmc/sfmc_deploy.h"
#include "backends/sfmc/sfmc_journey.h"
#include "backends/sfmc/sfmc_model.h"

namespace mac::backend {

namespace {

class SfmcBackend final : public Backend {
public:
  SfmcBackend() : capabilities_(sfmc::capabilities()) {}
  std::string_view name() const override { return "sfmc"; }
  std::string_view platform() const override { return "Salesforce Marketing Cloud"; }
  const Capabilities &capabilities() const override { return capabilities_; }

  bool emit(BuildContext &ctx, OutputSink &out) const override {
    // Each journey is written as soon as it is built and only what DEPLOY.md
    // reads is kept (its name and entry): 10,000 journey trees held until
    // the end were most of a large build's memory. A flow that cannot be
    // built fails the target, and a failed target is never written out.
    std::vector<sfmc::Journey> journeys;
    std::vector<std::string> flows;
    bool ok = true;
    for (uint32_t i = 0; i < ctx.program().flows.size(); ++i) {
      std::optional<sfmc::Journey> journey = sfmc::buildJourney(ctx, sema::FlowId{i});
      if (!journey) {
        ok = false;
        continue;
      }
      const std::string &flow = ctx.program().flows[i].name;
      writeJson(out, "flows/" + flow + ".json", journey->body);
      std::string key = journey->entry.eventDefinition["eventDefinitionKey"].get<std::string>();
      writeJson(out, "assets/event-definitions/" + key + ".json", journey->entry.eventDefinition);
      journey->body = nlohmann::json{{"name", std::move(journey->body["name"])}};
      journeys.push_back(std::move(*journey));
      flows.push_back(flow);
    }
    if (!ok)
      return false;
    std::vector<std::pair<std::string, const sfmc::Journey *>> written;
    for (size_t i = 0; i < journeys.size(); ++i)
      written.emplace_back(flows[i], &journeys[i]);
    std::string de = sfmc::contactDataExtensionKey(ctx);
    writeJson(out, "assets/data-extensions/" + de + ".json", sfmc::contactDataExtension(ctx));
    out.write("DEPLOY.md", sfmc::deployPlan(ctx, written));
    return true;
  }

private:
  Capabilities capabilities_;
};

} // namespace

std::unique_ptr<Backend> createSfmcBackend() { return std::make_unique<SfmcBackend>(); }

} // namespace mac::backend
