// The Marketo backend: its capabilities, and emit, which writes for every
// flow its deploy plan of API calls, and one DEPLOY.md with the assets and a
// build section per flow.
#include "backends/marketo/marketo.h"

#include "backends/checklist/checklist_backend.h"
#include "backends/json_output.h"

namespace mac::backend {

namespace {

constexpr std::string_view kIntro =
    "Marketo's API creates programs and empty smart campaigns, sets program tokens and "
    "activates or requests campaigns; smart-list rules and flow steps can only be entered in the "
    "editor. Each flow is a program holding its smart campaigns: run the `setup` calls of "
    "`flows/<flow>.json` (or create the same by hand), build the smart lists and flows below, "
    "bind the main campaign's id, then run the `release` calls.";

class MarketoBackend final : public checklist::ChecklistBackend {
public:
  std::string_view name() const override { return "marketo"; }
  std::string_view platform() const override { return "Marketo"; }
  const Capabilities &capabilities() const override { return marketo::capabilities(); }

protected:
  const checklist::Vocabulary &words() const override { return words_; }
  std::string_view intro() const override { return kIntro; }
  void beforeFlows(BuildContext &ctx, checklist::Markdown &md) const override {
    marketo::reportEndsWith(ctx);
    md.paragraph("Webhooks: create each one in **Admin** → **Webhooks** → **New Webhook** with "
                 "the name above, **Request Type** as its method, **Request Token Encoding** "
                 "JSON, and as **URL** the program token `{{my.<webhook>_url}}` (each flow's "
                 "program sets it to this environment's URL, see its setup calls); add the "
                 "headers under **Webhooks Actions** → **Set Custom Header**.");
  }
  void emitFlow(BuildContext &ctx, OutputSink &out, checklist::Markdown &md,
                const checklist::FlowToBuild &flow) const override {
    writeJson(out, "flows/" + flow.decl.name + ".json",
              marketo::deployPlan(ctx, flow.id, flow.tree, flow.platformId));
    marketo::writeFlowSection(md, ctx, words_, flow.id, flow.tree, flow.platformId);
  }

private:
  marketo::Words words_;
};

} // namespace

std::unique_ptr<Backend> createMarketoBackend() { return std::make_unique<MarketoBackend>(); }

} // namespace mac::backend
