// The ActiveCampaign backend: its capabilities, and emit, which writes for
// every flow the enrolment calls and the expected blocks, and one DEPLOY.md
// with the assets and a build section per flow.
#include "backends/activecampaign/activecampaign.h"

#include "backends/checklist/checklist_backend.h"
#include "backends/json_output.h"

namespace mac::backend {

namespace {

constexpr std::string_view kIntro =
    "ActiveCampaign has no API that creates an automation: build each one by hand in the "
    "automation builder, following the numbered steps below. `mac` wrote, for each flow, "
    "`flows/<flow>.json` (the calls that add a contact to the automation or remove it) and "
    "`flows/<flow>.blocks.json` (what `GET /api/3/automations/{id}/blocks` should return once the "
    "automation is built, for a drift check).";

class ActiveCampaignBackend final : public checklist::ChecklistBackend {
public:
  std::string_view name() const override { return "activecampaign"; }
  std::string_view platform() const override { return "ActiveCampaign"; }
  const Capabilities &capabilities() const override { return activecampaign::capabilities(); }

protected:
  const checklist::Vocabulary &words() const override { return words_; }
  std::string_view intro() const override { return kIntro; }
  void emitFlow(BuildContext &ctx, OutputSink &out, checklist::Markdown &md,
                const checklist::FlowToBuild &flow) const override {
    writeJson(out, "flows/" + flow.decl.name + ".json",
              activecampaign::enrolmentCalls(ctx, flow.id, flow.platformId));
    writeJson(out, "flows/" + flow.decl.name + ".blocks.json",
              activecampaign::expectedBlocks(ctx, words_, flow.id, flow.tree, flow.platformId));
    activecampaign::writeFlowSection(md, ctx, words_, flow.id, flow.tree, flow.platformId);
  }

private:
  activecampaign::Words words_;
};

} // namespace

std::unique_ptr<Backend> createActiveCampaignBackend() {
  return std::make_unique<ActiveCampaignBackend>();
}

} // namespace mac::backend
