// `mac check` — exit 0 without errors, 1 with errors (or warnings under
// --werror), 2 when a path cannot be used.
#include "compiler/driver/check_command.h"

#include "compiler/diag/consumers.h"
#include "compiler/driver/analysis_caches.h"
#include "compiler/driver/leave_to_exit.h"
#include "compiler/driver/pipeline.h"
#include "compiler/driver/version.h"

#include <llvm/Support/WithColor.h>
#include <llvm/Support/raw_ostream.h>

#include <cstdlib>
#include <string_view>

namespace mac::driver {

int reportUsageError(const llvm::Twine &message) {
  llvm::WithColor::error(llvm::errs(), "mac") << message << "\n";
  return 2;
}

size_t defaultDiagnosticLimit(OutputFormat format) {
  switch (format) {
  case OutputFormat::Text:
  case OutputFormat::Github:
    return 1000;
  case OutputFormat::Json:
  case OutputFormat::Sarif:
    return 0;
  }
  return 0;
}

void printDiagnostics(OutputFormat format, diag::Engine &diags, const SourceManager &sources,
                      bool color, llvm::raw_ostream &os, std::optional<size_t> limit) {
  diags.sortAndDeduplicate(sources);
  diag::RenderOptions render;
  render.color = color;
  render.limit = limit.value_or(defaultDiagnosticLimit(format));
  render.fileCount = sources.fileCount();
  render.toolVersion = kVersion;
  const std::vector<diag::Diagnostic> &list = diags.diagnostics();
  switch (format) {
  case OutputFormat::Text:
    diag::renderText(list, sources, render, os);
    break;
  case OutputFormat::Json:
    diag::renderJson(list, sources, render, os);
    break;
  case OutputFormat::Sarif:
    diag::renderSarif(list, sources, render, os);
    break;
  case OutputFormat::Github:
    diag::renderGithub(list, sources, render, os);
    break;
  }
}

std::unique_ptr<cache::DiskParseCache> openParseCache(const std::optional<std::string> &flag) {
  std::optional<std::string> directory = cache::cacheDirectory(flag);
  if (!directory)
    return nullptr;
  return std::make_unique<cache::DiskParseCache>(*directory, kVersion);
}

void closeParseCache(cache::DiskParseCache *cache) {
  if (!cache)
    return;
  if (cacheStatsWanted())
    llvm::errs() << cache->describeStats() << "\n";
  cache::CacheStats counts = cache->stats();
  if (counts.writeErrors > 0 && counts.written == 0)
    llvm::WithColor::warning(llvm::errs(), "mac")
        << "the parse cache could not be written (" << counts.writeErrors
        << " entries); check --cache-dir or MAC_CACHE_DIR\n";
  cache->pruneIfDue();
}

int runCheck(const CheckOptions &options) {
  SourceManager sources;
  diag::Engine diags;
  bool pathFailed = false;
  std::unique_ptr<cache::DiskParseCache> parseCache = openParseCache(options.cacheDir);
  std::unique_ptr<AnalysisCaches> analysisCaches = AnalysisCaches::open(options.cacheDir);
  PipelineOptions pipeline{options.env};
  pipeline.parseCache = parseCache.get();
  if (analysisCaches)
    analysisCaches->attach(pipeline);
  PhaseTimes times;
  if (options.timePhases)
    pipeline.times = &times;
  for (const std::string &path : options.paths) {
    auto program = checkBundle(path, pipeline, sources, diags);
    if (!program) {
      llvm::WithColor::error(llvm::errs(), "mac") << llvm::toString(program.takeError()) << "\n";
      pathFailed = true;
      continue;
    }
    leaveToExit(std::move(*program));
  }
  {
    OutputPhaseTimer outputTimer(pipeline.times);
    printDiagnostics(options.format, diags, sources, options.color, llvm::outs(),
                     options.maxDiagnostics);
    llvm::outs().flush();
  }
  closeParseCache(parseCache.get());
  if (analysisCaches)
    analysisCaches->close();

  if (pathFailed)
    return 2;
  if (diags.count(diag::Severity::Error) > 0)
    return 1;
  if (options.werror && diags.count(diag::Severity::Warning) > 0)
    return 1;
  return 0;
}

} // namespace mac::driver
