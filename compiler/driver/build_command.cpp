// `mac build` (see build_command.h).
#include "compiler/driver/build_command.h"

#include "backends/backend.h"
#include "backends/build.h"
#include "compiler/driver/pipeline.h"
#include "compiler/driver/version.h"

#include <llvm/Support/WithColor.h>
#include <llvm/Support/raw_ostream.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <optional>

namespace mac::driver {

namespace {

bool allDigits(std::string_view text) {
  return !text.empty() &&
         std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

/// YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ with plausible fields.
bool isIsoDate(std::string_view text) {
  auto number = [&](size_t at, size_t length, int low, int high) {
    if (!allDigits(text.substr(at, length)))
      return false;
    int value = std::atoi(std::string(text.substr(at, length)).c_str());
    return value >= low && value <= high;
  };
  bool date = text.size() >= 10 && number(0, 4, 1970, 9999) && text[4] == '-' &&
              number(5, 2, 1, 12) && text[7] == '-' && number(8, 2, 1, 31);
  if (!date)
    return false;
  if (text.size() == 10)
    return true;
  return text.size() == 20 && text[10] == 'T' && number(11, 2, 0, 23) && text[13] == ':' &&
         number(14, 2, 0, 59) && text[16] == ':' && number(17, 2, 0, 60) && text[19] == 'Z';
}

} // namespace

llvm::Expected<std::string> buildDate(const std::string &flag, const char *sourceDateEpoch) {
  if (!flag.empty()) {
    if (!isIsoDate(flag))
      return llvm::createStringError(std::make_error_code(std::errc::invalid_argument),
                                     "--date wants YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ, not '" +
                                         flag + "'");
    return flag;
  }
  if (!sourceDateEpoch || !*sourceDateEpoch)
    return std::string();
  if (!allDigits(sourceDateEpoch) || std::strlen(sourceDateEpoch) > 12)
    return llvm::createStringError(std::make_error_code(std::errc::invalid_argument),
                                   "SOURCE_DATE_EPOCH must be seconds since 1970, not '" +
                                       std::string(sourceDateEpoch) + "'");
  std::time_t seconds = static_cast<std::time_t>(std::atoll(sourceDateEpoch));
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return std::string(text);
}

EnvironmentBuild::EnvironmentBuild() = default;
EnvironmentBuild::~EnvironmentBuild() = default;

llvm::Expected<std::unique_ptr<sema::Program>>
buildEnvironment(const std::string &path, const backend::BuildRequest &request,
                 EnvironmentBuild &build, SourceManager &sources, diag::Engine &diags,
                 sema::ParseCache *parseCache, PhaseTimes *times) {
  PipelineOptions pipeline{request.env, {}, {}};
  pipeline.parseCache = parseCache;
  pipeline.times = times;
  pipeline.lintScope.commandCategories = {"platforms"};
  pipeline.afterChecks = [&](const sema::Program &program, SourceManager &sources,
                             diag::Engine &diags) {
    build.backendsRan = true;
    build.targets = backend::targetsOf(program, request.targets);
    if (build.targets.empty())
      return;
    build.notBuilt = build.stage
                         ? backend::buildTargets(program, sources, request, diags, *build.stage)
                         : backend::buildTargets(program, sources, request, diags, build.output);
  };
  return checkBundle(path, pipeline, sources, diags);
}

int reportBuildFailure(const EnvironmentBuild &build, const diag::Engine &diags) {
  if (diags.hasErrors() || !build.backendsRan) {
    llvm::errs() << "mac: nothing written: the build has errors\n";
    return 1;
  }
  if (!build.notBuilt.empty()) {
    std::string names;
    for (const std::string &target : build.notBuilt)
      names += (names.empty() ? "`" : ", `") + target + "`";
    llvm::errs() << "mac: nothing written: " << names
                 << " cannot express every construct of the bundle (MAC7001)\n";
    return 1;
  }
  if (build.targets.empty()) {
    reportUsageError("the bundle declares no `targets`; name them with --target");
    return 2;
  }
  return 0;
}

int reportUnusableBuild(const EnvironmentBuild &build, diag::Engine &diags,
                        const SourceManager &sources, OutputFormat format, bool color) {
  if (!diags.hasErrors() && build.notBuilt.empty() && !build.targets.empty())
    return 0;
  printDiagnostics(format, diags, sources, color, llvm::errs());
  return reportBuildFailure(build, diags);
}

int runBuild(const BuildCommandOptions &options) {
  for (const std::string &target : options.targets)
    if (!backend::findBackend(target)) {
      std::string known;
      for (const auto &backend : backend::allBackends())
        known += (known.empty() ? "" : ", ") + std::string(backend->name());
      reportUsageError("unknown target '" + target + "'; known targets: " + known);
      return 2;
    }
  llvm::Expected<std::string> date = buildDate(options.date, std::getenv("SOURCE_DATE_EPOCH"));
  if (!date) {
    reportUsageError(llvm::toString(date.takeError()));
    return 2;
  }

  backend::BuildRequest request{options.env, options.targets, *date, kVersion};
  SourceManager sources;
  diag::Engine diags;
  EnvironmentBuild build;
  // With -o OUT the backends write each file at once into a temporary
  // directory beside OUT, which replaces OUT only if the build succeeds (the
  // destructor removes it otherwise): the build never holds its output.
  std::optional<backend::StagedDirectory> stage;
  if (options.out != "-")
    build.stage = &stage.emplace(options.out);
  std::unique_ptr<cache::DiskParseCache> parseCache = openParseCache(options.cacheDir);
  PhaseTimes times;
  auto program = buildEnvironment(options.path, request, build, sources, diags, parseCache.get(),
                                  options.timePhases ? &times : nullptr);
  // Printing the diagnostics and writing the payloads, whichever way it ends.
  OutputPhaseTimer outputTimer(options.timePhases ? &times : nullptr);
  closeParseCache(parseCache.get());
  if (!program) {
    reportUsageError(llvm::toString(program.takeError()));
    return 2;
  }
  printDiagnostics(options.format, diags, sources, options.color, llvm::errs(),
                   options.maxDiagnostics);
  if (options.werror && diags.count(diag::Severity::Warning) > 0) {
    llvm::errs() << "mac: nothing written: the build has errors\n";
    return 1;
  }
  if (int status = reportBuildFailure(build, diags))
    return status;
  if (!stage) {
    backend::writeStdout(build.output.files(), llvm::outs());
    return 0;
  }
  if (llvm::Error error = stage->commit()) {
    reportUsageError(llvm::toString(std::move(error)));
    return 2;
  }
  llvm::errs() << "mac: built " << (*program)->bundle.name << " for " << options.env << " into "
               << options.out << " (" << stage->fileCount() << " files)\n";
  return 0;
}

} // namespace mac::driver
