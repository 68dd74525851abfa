// The ActiveCampaign backend: its capabilities, and emit, which writes for
// every flow the enrolment calls and the expected blocks, and one DEPLOY.md
// with the assets and a build section per flow.
#include "backends/activecampaign/activecampaign.h"

#include "backends/backend.h"
#include "backends/checklist/calls.h"
#include "backends/checklist/checklist_writer.h"
#include "backends/json_output.h"

namespace mac::backend {

namespace {

constexpr std::string_view kIntro =
    "ActiveCampaign has no API that creates an automation: build each one by hand in the "
    "automation builder, following the numbered steps below. `mac` wrote, for each flow, "
    "`flows/<flow>.json` (the calls that add a contact to the automation or remove it) and "
    "`flows/<flow>.blocks.json` (what `GET /api/3/automations/{id}/blocks` should return once the "
    "automation is built, for a drift check).";

class ActiveCampaignBackend final : public Backend {
public:
  std::string_view name() const override { return "activecampaign"; }
  std::string_view platform() const override { return "ActiveCampaign"; }
  const Capabilities &capabilities() const override { return activecampaign::capabilities(); }

  bool emit(BuildContext &ctx, OutputSink &out) const override {
    activecampaign::Words words;
    checklist::Markdown md;
    checklist::writeHeader(md, ctx, words, kIntro);
    checklist::writeAssets(md, ctx, words);
    const sema::Program &program = ctx.program();
    for (uint32_t i = 0; i < program.flows.size(); ++i) {
      sema::FlowId flow{i};
      const sema::Flow &decl = program.flows[i];
      checklist::checkDedupe(ctx, decl, /*phoneIsKey=*/false, "ActiveCampaign");
      std::string id = checklist::flowId(ctx, flow);
      checklist::Tree tree = checklist::buildTree(ctx.plan(flow));
      writeJson(out, "flows/" + decl.name + ".json", activecampaign::enrolmentCalls(ctx, flow, id));
      writeJson(out, "flows/" + decl.name + ".blocks.json",
                activecampaign::expectedBlocks(ctx, words, flow, tree, id));
      activecampaign::writeFlowSection(md, ctx, words, flow, tree, id);
    }
    out.write("DEPLOY.md", md.str());
    return true;
  }
};

} // namespace

std::unique_ptr<Backend> createActiveCampaignBackend() {
  return std::make_unique<ActiveCampaignBackend>();
}

} // namespace mac::backend
