// The GoHighLevel backend: its capabilities, and emit, which writes for every
// flow the enrolment calls, and one DEPLOY.md with the assets and a build
// section per flow.
#include "backends/gohighlevel/gohighlevel.h"

#include "backends/backend.h"
#include "backends/checklist/calls.h"
#include "backends/checklist/checklist_writer.h"
#include "backends/json_output.h"

namespace mac::backend {

namespace {

constexpr std::string_view kIntro =
    "GoHighLevel has no API that creates a workflow (its API lists workflows and adds or removes "
    "a contact): build each workflow by hand in the workflow builder, following the numbered "
    "steps below. `mac` wrote, for each flow, `flows/<flow>.json`: the calls that add a contact "
    "to the workflow or remove it.";

class GoHighLevelBackend final : public Backend {
public:
  std::string_view name() const override { return "gohighlevel"; }
  std::string_view platform() const override { return "GoHighLevel"; }
  const Capabilities &capabilities() const override { return gohighlevel::capabilities(); }

  bool emit(BuildContext &ctx, OutputSink &out) const override {
    gohighlevel::Words words;
    checklist::Markdown md;
    checklist::writeHeader(md, ctx, words, kIntro);
    checklist::writeAssets(md, ctx, words);
    const sema::Program &program = ctx.program();
    for (uint32_t i = 0; i < program.flows.size(); ++i) {
      sema::FlowId flow{i};
      const sema::Flow &decl = program.flows[i];
      checklist::checkDedupe(ctx, decl, /*phoneIsKey=*/true, "GoHighLevel");
      std::string id = checklist::flowId(ctx, flow);
      checklist::Tree tree = checklist::buildTree(ctx.plan(flow));
      writeJson(out, "flows/" + decl.name + ".json", gohighlevel::enrolmentCalls(ctx, flow, id));
      gohighlevel::writeFlowSection(md, ctx, words, flow, tree, id);
    }
    out.write("DEPLOY.md", md.str());
    return true;
  }
};

} // namespace

std::unique_ptr<Backend> createGoHighLevelBackend() {
  return std::make_unique<GoHighLevelBackend>();
}

} // namespace mac::backend
