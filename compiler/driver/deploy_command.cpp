// `mac deploy` (see deploy_command.h): pick the build (a snapshot's, or the
// bundle built now), apply the production gate, read credentials, plan,
// and apply with a journal and a ledger line.
#include "compiler/driver/deploy_command.h"

#include "backends/build_context.h"
#include "compiler/driver/build_command.h"
#include "compiler/driver/check_command.h"
#include "compiler/driver/checked_bundle.h"
#include "compiler/driver/test_command.h"
#include "compiler/driver/version.h"
#include "deploy/apply.h"
#include "deploy/credentials.h"
#include "deploy/ledger.h"
#include "deploy/plan.h"
#include "release/snapshot_layout.h"
#include "release/snapshot_reader.h"

#include <llvm/Support/MemoryBuffer.h>
#include <llvm/Support/Path.h>
#include <llvm/Support/raw_ostream.h>

#include <algorithm>

namespace mac::driver {
namespace {

/// The payloads to deploy and what they are.
struct DeploySource {
  release::FileMap files;
  std::string release, version, label;
  std::string releasesDir;
  std::string root; ///< the bundle's files: the directory, or the snapshot's sources/
  bool production = false;
  bool snapshot = false;
};

/// Reads a snapshot's build of the environment, verified against its manifest.
int fromSnapshot(const DeployOptions &options, DeploySource &out) {
  auto layout = release::readSnapshotLayout(options.source);
  if (!layout)
    return reportUsageError(llvm::toString(layout.takeError()));
  auto env = layout->environments.find(options.env);
  if (env == layout->environments.end())
    return reportUsageError("snapshot " + layout->tag + " has no environment `" + options.env +
                            "`");
  const auto &targets = env->second.targets;
  if (std::find(targets.begin(), targets.end(), options.target) == targets.end())
    return reportUsageError("snapshot " + layout->tag + " has no build for target `" +
                            options.target + "` in `" + options.env + "`");
  auto files = release::readEnvironmentBuild(*layout, options.env);
  if (!files)
    return reportUsageError(llvm::toString(files.takeError()));
  out.files = std::move(*files);
  out.release = layout->tag;
  out.version = layout->version;
  out.label = "snapshot " + layout->tag;
  out.production = env->second.production;
  out.snapshot = true;
  out.root = layout->sourcesDir;
  out.releasesDir = std::string(llvm::sys::path::parent_path(layout->dir));
  return 0;
}

/// Builds the bundle for the environment and target now, in memory.
int fromBundle(const DeployOptions &options, DeploySource &out) {
  backend::BuildRequest request{options.env, {options.target}, "", kVersion};
  EnvironmentBuild build;
  SourceManager sources;
  diag::Engine diags;
  auto program = buildEnvironment(options.source, request, build, sources, diags);
  if (!program)
    return reportUsageError(llvm::toString(program.takeError()));
  if (int status = reportUnusableBuild(build, diags, sources, OutputFormat::Text, options.color)) {
    llvm::errs() << "mac: nothing deployed: the bundle does not build for `" << options.env
                 << "`\n";
    return status;
  }
  out.files = build.output.files();
  out.release = backend::releaseTag((*program)->bundle);
  out.version = (*program)->bundle.version;
  out.label = "bundle " + options.source;
  out.root = options.source;
  for (const sema::Env &env : (*program)->envs)
    if (env.name == options.env)
      out.production = env.production;
  llvm::SmallString<256> releases(options.source);
  llvm::sys::path::append(releases, "releases");
  out.releasesDir = std::string(releases);
  return 0;
}

/// Production: an immutable snapshot, without errors, whose tests pass,
/// confirmed by its tag. Returns 0 when the deploy may go on.
int checkProductionGate(const DeployOptions &options, const DeploySource &source) {
  if (!source.snapshot)
    return reportUsageError("`" + options.env +
                            "` is a production environment: deploy an immutable snapshot "
                            "(`mac snapshot`, then `mac deploy releases/<tag> ...`), not a "
                            "working directory");
  if (options.confirm != source.release)
    return reportUsageError("`" + options.env + "` is a production environment: confirm the " +
                            "release with --confirm " + source.release +
                            (options.confirm.empty() ? "" : " (got `" + options.confirm + "`)"));
  CheckedBundle checked;
  if (int status = loadCheckedBundle(options.source, checked, options.color, "deploy"))
    return status;
  diag::Engine failures;
  TestOptions testOptions;
  testOptions.env = options.env;
  TestTally tally = runTestBlocks(*checked.program, testOptions, failures, nullptr);
  if (tally.failed > 0) {
    printDiagnostics(OutputFormat::Text, failures, checked.sources, options.color, llvm::errs());
    llvm::errs() << "mac: nothing deployed: " << tally.failed << " of "
                 << tally.passed + tally.failed << " tests of " << source.release
                 << " fail (`mac test`)\n";
    return 1;
  }
  return 0;
}

/// The ledger line of an applied deploy.
void recordInLedger(const DeployOptions &options, const DeploySource &source,
                    const deploy::ApplyOutcome &outcome) {
  nlohmann::json entry = {{"kind", options.via == "rollback" ? "rollback" : "deploy"},
                          {"env", options.env},
                          {"target", options.target},
                          {"release", source.release},
                          {"version", source.version},
                          {"actor", deploy::ledgerActor(options.actor)},
                          {"via", options.via},
                          {"applied", outcome.applied},
                          {"planned", outcome.planned},
                          {"outcome", !outcome.ok() ? "failed"
                                      : outcome.planned == 0 && outcome.applied == 0
                                          ? "unchanged"
                                          : "succeeded"}};
  if (!outcome.ok())
    entry["error"] = outcome.error;
  if (options.via == "rollback")
    entry["from"] = options.liveTag;
  auto written = deploy::appendLedgerEntry(source.releasesDir, entry);
  if (!written)
    llvm::errs() << "mac: warning: the ledger was not written: "
                 << llvm::toString(written.takeError()) << "\n";
}

/// bindings/<target>.<env>.json of the source, or null when there is none.
llvm::Expected<nlohmann::json> readBindings(const DeploySource &source,
                                            const DeployOptions &options) {
  llvm::SmallString<256> path(source.root);
  llvm::sys::path::append(path, "bindings", options.target + "." + options.env + ".json");
  auto buffer = llvm::MemoryBuffer::getFile(path);
  if (!buffer)
    return nlohmann::json();
  nlohmann::json bindings = nlohmann::json::parse((*buffer)->getBuffer(), nullptr, false);
  if (bindings.is_discarded())
    return llvm::createStringError(std::errc::invalid_argument, "%s: not JSON", path.c_str());
  return bindings;
}

} // namespace

int runDeploy(const DeployOptions &options) {
  auto platform = deploy::makePlatform(options.target);
  if (!platform)
    return reportUsageError("mac cannot deploy to `" + options.target +
                            "` (targets: activecampaign, gohighlevel, hubspot, klaviyo, "
                            "marketo, sfmc)");
  DeploySource source;
  int status = release::isSnapshotDir(options.source) ? fromSnapshot(options, source)
                                                      : fromBundle(options, source);
  if (status)
    return status;
  if (!options.releases.empty())
    source.releasesDir = options.releases;
  if (options.apply && source.production)
    if (int gate = checkProductionGate(options, source))
      return gate;

  auto resources = deploy::collectResources(source.files, options.target);
  if (!resources)
    return reportUsageError(llvm::toString(resources.takeError()));
  std::string statePath = deploy::deployStatePath(source.releasesDir, options.env, options.target);
  std::unique_ptr<deploy::DeployLock> lock;
  if (options.apply) {
    auto locked = deploy::DeployLock::acquire(statePath);
    if (!locked) {
      llvm::errs() << "mac: error: " << llvm::toString(locked.takeError()) << "\n";
      return 1;
    }
    lock = std::move(*locked);
  }
  auto state = deploy::loadDeployState(statePath, options.env, options.target);
  if (!state)
    return reportUsageError(llvm::toString(state.takeError()));

  deploy::Redactor redactor;
  auto credentials = deploy::readCredentials(options.target, options.env, redactor);
  if (!credentials && options.apply)
    return reportUsageError(llvm::toString(credentials.takeError()));
  std::string baseUrl;
  if (!options.endpoint.empty()) {
    auto endpoint = deploy::checkEndpoint(options.endpoint);
    if (!endpoint)
      return reportUsageError(llvm::toString(endpoint.takeError()));
    baseUrl = *endpoint;
  } else if (credentials) {
    baseUrl = platform->defaultBaseUrl(*credentials);
  }

  auto client = deploy::makeCurlHttpClient(std::chrono::seconds(options.timeoutSeconds));
  deploy::SessionOptions sessionOptions{
      baseUrl,
      {options.maxRetries, std::chrono::milliseconds(options.retryBaseMs)},
      options.verbose};
  deploy::Session session(*client, sessionOptions, redactor, llvm::errs());
  deploy::Session *reader = nullptr;
  if (credentials) {
    if (llvm::Error error = platform->connect(session, *credentials))
      return reportUsageError(redactor(llvm::toString(std::move(error))));
    reader = &session;
  } else {
    llvm::consumeError(credentials.takeError());
  }

  auto bindings = readBindings(source, options);
  if (!bindings)
    return reportUsageError(llvm::toString(bindings.takeError()));
  auto plan = deploy::makePlan(*resources, *state, *bindings, *platform, reader);
  if (!plan) {
    llvm::errs() << "mac: error: " << redactor(llvm::toString(plan.takeError())) << "\n";
    return 1;
  }
  plan->release = source.release;
  plan->version = source.version;
  plan->source = source.label;
  if (options.format == PlanFormat::Json)
    llvm::outs() << redactor(deploy::renderPlanJson(*plan));
  else {
    std::string text;
    llvm::raw_string_ostream os(text);
    deploy::renderPlanText(*plan, os);
    llvm::outs() << redactor(os.str());
  }
  if (plan->blocked()) {
    llvm::errs() << "mac: error: the plan is blocked: bind what has no id on the platform in "
                    "bindings/"
                 << options.target << "." << options.env << ".json; nothing was applied\n";
    return 1;
  }
  if (!options.apply)
    return 0;

  deploy::ApplyOutcome outcome =
      deploy::applyPlan(*plan, *platform, session, *state, statePath, llvm::outs());
  llvm::outs().flush();
  recordInLedger(options, source, outcome);
  if (!outcome.ok()) {
    llvm::errs() << "mac: error: " << redactor(outcome.error) << "\n"
                 << "mac: " << outcome.applied << " operation(s) applied before it; " << statePath
                 << " records them: run the same command again to continue\n";
    return 1;
  }
  llvm::outs() << "mac: deployed " << source.release << " to " << options.target << " ("
               << options.env << "): " << outcome.applied << " operation(s)\n";
  return 0;
}

} // namespace mac::driver
