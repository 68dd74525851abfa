// Runs every check listed in checks.def over one Program, in that order.
#include "analyzer/analyzer.h"

#include "analyzer/check.h"

#include <atomic>

namespace mac::analyzer {

namespace {

std::vector<std::unique_ptr<Check>> createChecks() {
  std::vector<std::unique_ptr<Check>> checks;
#define CHECK(Name) checks.push_back(create##Name##Check());
#include "analyzer/checks.def"
#undef CHECK
  return checks;
}

} // namespace

size_t CheckContext::nextSlot() {
  static std::atomic<size_t> next{0};
  return next++;
}

std::string_view CheckContext::textOf(SourceRange range) const {
  if (!range.isValid())
    return {};
  return sources_.text(range.file).substr(range.begin, range.end - range.begin);
}

void runChecks(const sema::Program &program, const SourceManager &sources,
               const AnalyzerOptions &options, diag::Engine &diags) {
  CheckContext ctx(program, sources, options, diags);
  for (const std::unique_ptr<Check> &check : createChecks())
    check->run(ctx);
}

} // namespace mac::analyzer
