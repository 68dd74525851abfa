// The forward path analysis of every flow. (First version: every statement
// is reachable and every change can be real; the real analysis follows.)
#include "analyzer/flow_paths.h"

namespace mac::analyzer {

std::unique_ptr<FlowPaths> FlowPaths::compute(CheckContext &ctx) {
  auto paths = std::make_unique<FlowPaths>();
  paths->stmtFlags_.assign(ctx.program().stmts.size(), 3);
  return paths;
}

bool FlowPaths::reachable(sema::StmtId stmt) const { return stmtFlags_[stmt.value] & 1; }
bool FlowPaths::changeCanBeReal(sema::StmtId stmt) const { return stmtFlags_[stmt.value] & 2; }
bool FlowPaths::entriesCanOverlap(sema::FlowId, size_t, sema::FlowId, size_t) const { return true; }

} // namespace mac::analyzer
