// The GoHighLevel backend: its capabilities, and emit, which writes for every
// flow the enrolment calls, and one DEPLOY.md with the assets and a build
// section per flow.
#include "backends/gohighlevel/gohighlevel.h"

#include "backends/checklist/checklist_backend.h"
#include "backends/json_output.h"

namespace mac::backend {

namespace {

constexpr std::string_view kIntro =
    "GoHighLevel has no API that creates a workflow (its API lists workflows and adds or removes "
    "a contact): build each workflow by hand in the workflow builder, following the numbered "
    "steps below. `mac` wrote, for each flow, `flows/<flow>.json`: the calls that add a contact "
    "to the workflow or remove it.";

class GoHighLevelBackend final : public checklist::ChecklistBackend {
public:
  std::string_view name() const override { return "gohighlevel"; }
  std::string_view platform() const override { return "GoHighLevel"; }
  const Capabilities &capabilities() const override { return gohighlevel::capabilities(); }

protected:
  const checklist::Vocabulary &words() const override { return words_; }
  std::string_view intro() const override { return kIntro; }
  bool phoneIsDedupeKey() const override { return true; }
  void emitFlow(BuildContext &ctx, OutputSink &out, checklist::Markdown &md,
                const checklist::FlowToBuild &flow) const override {
    writeJson(out, "flows/" + flow.decl.name + ".json",
              gohighlevel::enrolmentCalls(ctx, flow.id, flow.platformId));
    gohighlevel::writeFlowSection(md, ctx, words_, flow.id, flow.tree, flow.platformId);
  }

private:
  gohighlevel::Words words_;
};

} // namespace

std::unique_ptr<Backend> createGoHighLevelBackend() {
  return std::make_unique<GoHighLevelBackend>();
}

} // namespace mac::backend
