// The backends phase (see build.h): per target, load its bindings, report the
// constructs it cannot express (MAC7001) or only approximates (MAC7002), and
// only when nothing is unsupported let it emit; then write the manifest.
// Targets are independent: they are emitted in parallel, each into its own
// diagnostics and its own sink (merged in the requested order) or straight
// into the shared StagedDirectory.
#include "backends/build.h"

#include "backends/backend.h"
#include "backends/construct_scan.h"
#include "backends/manifest.h"

#include <llvm/Support/Parallel.h>

#include <algorithm>
#include <numeric>
#include <optional>

namespace mac::backend {

std::vector<std::string> targetsOf(const sema::Program &program,
                                   const std::vector<std::string> &requested) {
  return requested.empty() ? program.bundle.targets : requested;
}

namespace {

/// A target's share of a large build's CPU time: user + sys seconds of
/// `mac build --target T -o DIR` at 10,000 realistic flows minus those of
/// `mac check` (docs/performance.md, session 9). Only the order in which the
/// targets start depends on it, never the output.
double relativeCost(std::string_view target) {
  static const std::pair<std::string_view, double> costs[] = {
      {"sfmc", 3.3},    {"hubspot", 3.3},        {"klaviyo", 2.1},
      {"marketo", 2.0}, {"activecampaign", 1.8}, {"gohighlevel", 1.2},
  };
  for (const auto &[name, cost] : costs)
    if (name == target)
      return cost;
  return 1.0;
}

/// Runs the backends. With `stream`, every target writes through it at once;
/// otherwise each target collects its files in memory and they are merged
/// into `memory` in the order of the targets. Returns the targets not built
/// and writes the manifest.
std::vector<std::string> runBackends(const sema::Program &program, SourceManager &sources,
                                     const BuildRequest &request, diag::Engine &diags,
                                     MemorySink *memory, StagedDirectory *stream) {
  std::unique_ptr<analyzer::EnvironmentModel> environments =
      analyzer::EnvironmentModel::build(program);
  const analyzer::Environment *env = environments->find(request.env);
  if (!env)
    return {}; // sema reported MAC5006
  BuildOptions options{request.env, request.date};
  std::vector<std::string> targets = targetsOf(program, request.targets);

  // One job per target; the driver rejects unknown names before the
  // pipeline runs. Bindings are loaded first, in order: loading adds the
  // bindings files to `sources`, which is not shared safely across threads.
  struct Job {
    std::string target;
    const Backend *backend = nullptr;
    std::optional<Bindings> bindings;
    diag::Engine diags;
    MemorySink files;
    bool built = false;
  };
  std::vector<Job> jobs(targets.size());
  for (size_t i = 0; i < targets.size(); ++i) {
    jobs[i].target = targets[i];
    jobs[i].backend = findBackend(targets[i]);
    if (jobs[i].backend)
      jobs[i].bindings.emplace(
          Bindings::load(program.root, targets[i], request.env, sources, diags));
  }
  // Backends only read the Program, the environments and the sources, and
  // each writes its own sink and diagnostics: they run in parallel, the
  // costliest first, so that the last job to finish is a short one.
  std::vector<size_t> order(jobs.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return relativeCost(jobs[a].target) > relativeCost(jobs[b].target);
  });
  // On LLVM's pool, whose threads live as long as the process: a thread
  // that ended after hashing would leave OpenSSL's per-thread state behind
  // (LeakSanitizer reports it). Tasks start in `order`.
  llvm::parallelForEachN(0, order.size(), [&](size_t k) {
    Job &job = jobs[order[k]];
    if (!job.backend)
      return;
    BuildContext ctx(program, sources, *environments, env->id, job.target, *job.bindings, options,
                     job.diags);
    PrefixSink sink(stream ? static_cast<OutputSink &>(*stream) : job.files, job.target);
    job.built = reportCapabilities(ctx, *job.backend) == 0 && job.backend->emit(ctx, sink);
  });
  // Merged in the order of `targets`, so the result never depends on timing.
  std::vector<std::string> notBuilt;
  for (Job &job : jobs) {
    if (!job.backend)
      continue;
    for (diag::Diagnostic &d : job.diags.mutableDiagnostics())
      diags.add(std::move(d));
    if (memory)
      for (auto &[path, contents] : job.files.mutableFiles())
        memory->write(path, std::move(contents));
    if (!job.built)
      notBuilt.push_back(job.target);
  }
  ManifestInput manifest{program, sources,      request.env,        env->production,
                         targets, request.date, request.toolVersion};
  if (stream)
    stream->write("manifest.json", renderManifest(manifest, stream->digests()));
  else
    memory->write("manifest.json", renderManifest(manifest, digestFiles(memory->files())));
  return notBuilt;
}

} // namespace

std::vector<std::string> buildTargets(const sema::Program &program, SourceManager &sources,
                                      const BuildRequest &request, diag::Engine &diags,
                                      MemorySink &out) {
  return runBackends(program, sources, request, diags, &out, nullptr);
}

std::vector<std::string> buildTargets(const sema::Program &program, SourceManager &sources,
                                      const BuildRequest &request, diag::Engine &diags,
                                      StagedDirectory &out) {
  return runBackends(program, sources, request, diags, nullptr, &out);
}

} // namespace mac::backend
