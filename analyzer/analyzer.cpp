// Runs every check listed in checks.def over one Program, in that order.
#include "analyzer/analyzer.h"

#include "analyzer/check.h"

#include <algorithm>
#include <atomic>
#include <chrono>

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
  for (const std::unique_ptr<Check> &check : createChecks()) {
    if (!options.checkTimes) {
      check->run(ctx);
      continue;
    }
    using Clock = std::chrono::steady_clock;
    Clock::time_point start = Clock::now();
    check->run(ctx);
    double ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
    std::vector<CheckTime> &times = *options.checkTimes;
    auto known = std::find_if(times.begin(), times.end(),
                              [&](const CheckTime &t) { return t.name == check->name(); });
    if (known != times.end())
      known->milliseconds += ms;
    else
      times.push_back({check->name(), ms});
  }
}

} // namespace mac::analyzer
