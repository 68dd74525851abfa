// The Marketo backend: its capabilities, and emit, which writes for every
// flow its deploy plan of API calls, and one DEPLOY.md with the assets and a
// build section per flow.
#include "backends/marketo/marketo.h"

#include "backends/backend.h"
#include "backends/checklist/calls.h"
#include "backends/checklist/checklist_writer.h"
#include "backends/json_output.h"

namespace mac::backend {

namespace {

constexpr std::string_view kIntro =
    "Marketo's API creates programs and empty smart campaigns, sets program tokens and "
    "activates or requests campaigns; smart-list rules and flow steps can only be entered in the "
    "editor. Each flow is a program holding its smart campaigns: run the `setup` calls of "
    "`flows/<flow>.json` (or create the same by hand), build the smart lists and flows below, "
    "bind the main campaign's id, then run the `release` calls.";

class MarketoBackend final : public Backend {
public:
  std::string_view name() const override { return "marketo"; }
  std::string_view platform() const override { return "Marketo"; }
  const Capabilities &capabilities() const override { return marketo::capabilities(); }

  bool emit(BuildContext &ctx, OutputSink &out) const override {
    marketo::Words words;
    marketo::reportEndsWith(ctx);
    checklist::Markdown md;
    checklist::writeHeader(md, ctx, words, kIntro);
    checklist::writeAssets(md, ctx, words);
    md.paragraph("Webhooks: create each one in **Admin** → **Webhooks** → **New Webhook** with "
                 "the name above, **Request Type** as its method, **Request Token Encoding** "
                 "JSON, and as **URL** the program token `{{my.<webhook>_url}}` (each flow's "
                 "program sets it to this environment's URL, see its setup calls); add the "
                 "headers under **Webhooks Actions** → **Set Custom Header**.");
    const sema::Program &program = ctx.program();
    for (uint32_t i = 0; i < program.flows.size(); ++i) {
      sema::FlowId flow{i};
      const sema::Flow &decl = program.flows[i];
      checklist::checkDedupe(ctx, decl, /*phoneIsKey=*/false, "Marketo");
      std::string id = checklist::flowId(ctx, flow);
      checklist::Tree tree = checklist::buildTree(ctx.plan(flow));
      writeJson(out, "flows/" + decl.name + ".json", marketo::deployPlan(ctx, flow, tree, id));
      marketo::writeFlowSection(md, ctx, words, flow, tree, id);
    }
    out.write("DEPLOY.md", md.str());
    return true;
  }
};

} // namespace

std::unique_ptr<Backend> createMarketoBackend() { return std::make_unique<MarketoBackend>(); }

} // namespace mac::backend
