// The backends phase (see build.h): per target, load its bindings, report the
// constructs it cannot express (MAC7001) or only approximates (MAC7002), and
// only when nothing is unsupported let it emit; then write the manifest.
#include "backends/build.h"

#include "backends/backend.h"
#include "backends/construct_scan.h"
#include "backends/manifest.h"

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
  std::vector<std::string> notBuilt;
  for (const std::string &target : targets) {
    const Backend *backend = findBackend(target);
    if (!backend)
      continue; // the driver rejects unknown names before the pipeline runs
    Bindings bindings = Bindings::load(program.root, target, request.env, sources, diags);
    BuildContext ctx(program, sources, *environments, env->id, target, bindings, options, diags);
    PrefixSink sink(out, target);
    if (reportCapabilities(ctx, *backend) > 0 || !backend->emit(ctx, sink))
      notBuilt.push_back(target);
  }
  ManifestInput manifest{program, sources,      request.env,        env->production,
                         targets, request.date, request.toolVersion};
  out.write("manifest.json", renderManifest(manifest, out.files()));
  return notBuilt;
}

} // namespace mac::backend
