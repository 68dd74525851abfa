// The backends phase (see build.h): per target, load its bindings, report the
// constructs it cannot express (MAC7001) or only approximates (MAC7002), and
// only when nothing is unsupported let it emit; then write the manifest.
// Targets are independent: they are emitted in parallel, each into its own
// sink and diagnostics, and merged in the requested order.
#include "backends/build.h"

#include "backends/backend.h"
#include "backends/construct_scan.h"
#include "backends/manifest.h"

#include <llvm/Support/Parallel.h>

#include <optional>

namespace mac::backend {

std::vector<std::string> targetsOf(const sema::Program &program,
                                   const std::vector<std::string> &requested) {
  return requested.empty() ? program.bundle.targets : requested;
}

std::vector<std::string> buildTargets(const sema::Program &program, SourceManager &sources,
                                      const BuildRequest &request, diag::Engine &diags,
                                      MemorySink &out) {
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
  // each writes its own sink and diagnostics: they run in parallel.
  llvm::parallelForEachN(0, jobs.size(), [&](size_t i) {
    Job &job = jobs[i];
    if (!job.backend)
      return;
    BuildContext ctx(program, sources, *environments, env->id, job.target, *job.bindings, options,
                     job.diags);
    PrefixSink sink(job.files, job.target);
    job.built = reportCapabilities(ctx, *job.backend) == 0 && job.backend->emit(ctx, sink);
  });
  // Merged in the order of `targets`, so the result never depends on timing.
  std::vector<std::string> notBuilt;
  for (Job &job : jobs) {
    if (!job.backend)
      continue;
    for (diag::Diagnostic &d : job.diags.mutableDiagnostics())
      diags.add(std::move(d));
    for (auto &[path, contents] : job.files.mutableFiles())
      out.write(path, std::move(contents));
    if (!job.built)
      notBuilt.push_back(job.target);
  }
  ManifestInput manifest{program, sources,      request.env,        env->production,
                         targets, request.date, request.toolVersion};
  out.write("manifest.json", renderManifest(manifest, out.files()));
  return notBuilt;
}

} // namespace mac::backend
