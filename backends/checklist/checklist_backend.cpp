// ChecklistBackend::emit (see checklist_backend.h).
#include "backends/checklist/checklist_backend.h"

#include "backends/checklist/calls.h"
#include "backends/checklist/checklist_writer.h"
#include "backends/checklist/phrases.h"

namespace mac::backend::checklist {

bool ChecklistBackend::emit(BuildContext &ctx, OutputSink &out) const {
  Markdown md;
  writeHeader(md, ctx, words(), intro());
  writeAssets(md, ctx, words());
  beforeFlows(ctx, md);
  const sema::Program &program = ctx.program();
  for (uint32_t i = 0; i < program.flows.size(); ++i) {
    sema::FlowId flow{i};
    const sema::Flow &decl = program.flows[i];
    checkDedupe(ctx, decl, phoneIsDedupeKey(), platform());
    std::string id = flowId(ctx, flow);
    Tree tree = buildTree(ctx.plan(flow));
    emitFlow(ctx, out, md, FlowToBuild{flow, decl, id, tree});
    if (std::optional<sema::Rate> rate = ctx.throttle(decl);
        rate && capabilities().of(Construct::FlowThrottle).support == Support::Approximated)
      md.paragraph("Throttle: this flow should enrol at most " + rateText(*rate) + "; " +
                   std::string(platform()) +
                   " cannot enforce it (MAC7002), so limit what feeds its trigger.");
  }
  out.write("DEPLOY.md", md.str());
  return true;
}

} // namespace mac::backend::checklist
