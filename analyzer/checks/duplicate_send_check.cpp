// MAC2201 duplicate-send: the same template sent again on one path with no
// wait since the first send: the contact receives it twice at once.
#include "analyzer/check.h"
#include "analyzer/flow_paths.h"

namespace mac::analyzer {

namespace {

class DuplicateSendCheck final : public Check {
public:
  std::string_view name() const override { return "duplicate-send"; }

  void run(CheckContext &ctx) override {
    const sema::Program &program = ctx.program();
    for (const DuplicateSend &dup : ctx.get<FlowPaths>().duplicateSends()) {
      const sema::Stmt &second = program.stmt(dup.second);
      diag::Diagnostic &d = ctx.diags().report(diag::Code::DuplicateSend, second.range,
                                               program.declared(second.target).name);
      d.notes.push_back({"first sent here", program.stmt(dup.first).range});
    }
  }
};

} // namespace

std::unique_ptr<Check> createDuplicateSendCheck() { return std::make_unique<DuplicateSendCheck>(); }

} // namespace mac::analyzer
