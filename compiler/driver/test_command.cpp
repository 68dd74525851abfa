// `mac test` (test_command.h): the checked Program goes to the simulator's
// test runner one `test` block at a time, in source order.
#include "compiler/driver/test_command.h"

#include "compiler/driver/check_command.h"
#include "compiler/driver/pipeline.h"
#include "simulator/test_runner.h"

#include <llvm/Support/raw_ostream.h>

namespace mac::driver {

TestTally runTestBlocks(const sema::Program &program, const TestOptions &options,
                        diag::Engine &failures, llvm::raw_ostream *out) {
  sim::TestRunOptions runOptions;
  if (options.env)
    runOptions.defaultEnv = *options.env;
  TestTally tally;
  for (uint32_t i = 0; i < program.tests.size(); ++i) {
    const sema::Test &test = program.tests[i];
    if (!options.filter.empty() && test.name.find(options.filter) == std::string::npos)
      continue;
    bool ok = sim::runTest(program, sema::TestId{i}, runOptions, failures);
    (ok ? tally.passed : tally.failed) += 1;
    if (out)
      *out << (ok ? "PASS " : "FAIL ") << test.name << "\n";
  }
  return tally;
}

int runTests(const TestOptions &options) {
  SourceManager sources;
  diag::Engine diags;
  auto program = checkBundle(options.path, PipelineOptions{options.env}, sources, diags);
  if (!program)
    return reportUsageError(llvm::toString(program.takeError()));
  if (diags.hasErrors()) {
    printDiagnostics(OutputFormat::Text, diags, sources, options.color, llvm::outs());
    llvm::outs() << "mac test: the bundle has errors; no test ran\n";
    return 1;
  }

  diag::Engine failures;
  auto [passed, failed] = runTestBlocks(**program, options, failures, &llvm::outs());
  if (failed > 0)
    printDiagnostics(OutputFormat::Text, failures, sources, options.color, llvm::outs());
  llvm::outs() << passed << " passed, " << failed << " failed\n";
  llvm::outs().flush();
  return failed > 0 ? 1 : 0;
}

} // namespace mac::driver
