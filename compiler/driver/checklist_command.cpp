// `mac checklist` (see checklist_command.h).
#include "compiler/driver/checklist_command.h"

#include "backends/build_context.h"
#include "compiler/driver/build_command.h"
#include "compiler/driver/check_command.h"
#include "compiler/driver/release_gate.h"
#include "compiler/driver/snapshot_command.h"
#include "compiler/driver/version.h"
#include "release/checklist.h"
#include "release/snapshot_layout.h"
#include "simulator/test_runner.h"

#include <llvm/Support/FileSystem.h>
#include <llvm/Support/raw_ostream.h>

namespace mac::driver {
namespace {

release::ChecklistFact snapshotFact(const std::string &releases, const std::string &tag) {
  std::string dir = release::snapshotDirFor(releases, tag);
  if (release::isSnapshotDir(dir))
    return {true, true, {"snapshot " + dir}};
  return {true, false, {"no snapshot " + dir + ": take it with `mac snapshot`"}};
}

release::ChecklistFact versionGateFact(const sema::Program &program, const SourceManager &sources,
                                       const std::string &releases) {
  ReleaseComparison comparison;
  int status =
      compareWithPreviousRelease(program, sources, releases, false, "checklist", comparison);
  if (status == 2)
    return {};
  std::string required(bumpName(comparison.changes.required()));
  if (comparison.previousTag.empty())
    return {true, true, {"first release: no earlier snapshot to compare with"}};
  if (status == 1)
    return {true,
            false,
            {"the changes since " + comparison.previousTag + " need a " + required +
             " bump (MAC6001/MAC6002: run `mac diff`)"}};
  return {true,
          true,
          {"covers the changes since " + comparison.previousTag + " (" + required + " needed)"}};
}

/// Runs every `test` block as `mac test --env ENV` does (a test without an
/// `env` line runs in ENV).
release::ChecklistFact testsFact(const sema::Program &program, const std::string &env) {
  sim::TestRunOptions options;
  options.defaultEnv = env;
  size_t passed = 0;
  std::vector<std::string> failures;
  for (uint32_t i = 0; i < program.tests.size(); ++i) {
    diag::Engine diags;
    if (sim::runTest(program, sema::TestId{i}, options, diags))
      ++passed;
    else
      failures.push_back("FAIL " + program.tests[i].name + " (MAC8001: `mac test --env " + env +
                         " --filter " + program.tests[i].name + "`)");
  }
  if (program.tests.empty())
    return {false, false, {}};
  failures.insert(failures.begin(), std::to_string(passed) + " passed, " +
                                        std::to_string(failures.size()) +
                                        " failed (`mac test --env " + env + "`)");
  return {true, passed == program.tests.size(), failures};
}

} // namespace

int runChecklist(const ChecklistOptions &options) {
  backend::BuildRequest request{options.env, {}, "", kVersion};
  EnvironmentBuild build;
  SourceManager sources;
  diag::Engine diags;
  auto program = buildEnvironment(options.path, request, build, sources, diags);
  if (!program)
    return reportUsageError(llvm::toString(program.takeError()));
  diags.sortAndDeduplicate(sources);
  std::string releases = releasesDirectory(options.path, options.releases);
  release::ChecklistInput input{**program, sources, options.env, diags.diagnostics(),
                                {},        {},      {},          {}};
  input.snapshot = snapshotFact(releases, backend::releaseTag((*program)->bundle));
  if (!diags.hasErrors()) {
    input.versionGate = versionGateFact(**program, sources, releases);
    input.tests = testsFact(**program, options.env);
  }
  std::vector<release::ChecklistItem> items = release::buildChecklist(input);
  llvm::outs() << (options.json ? release::renderChecklistJson(items, **program, options.env)
                                : release::renderChecklistMarkdown(items, **program, options.env));
  return 0;
}

} // namespace mac::driver
