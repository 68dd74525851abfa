// The backends phase of `mac build`: for one environment, run every requested
// backend over the checked Program and collect the whole output with
// OUT/manifest.json, in memory or streamed into a StagedDirectory. The driver
// writes (or commits) it only if no error remains after lint control, so a
// failed build writes nothing.
#pragma once

#include "backends/output_sink.h"
#include "backends/staged_directory.h"
#include "compiler/diag/engine.h"
#include "compiler/sema/program.h"

#include <string>
#include <vector>

namespace mac::backend {

struct BuildRequest {
  std::string env;                  ///< a declared environment
  std::vector<std::string> targets; ///< backend names; empty: the bundle's `targets`
  std::string date;                 ///< manifest date (ISO 8601); empty: none
  std::string toolVersion;          ///< mac's version, recorded in the manifest
};

/// Builds every target into `out` (paths relative to OUT). Reports MAC7xxx
/// into `diags`. Bindings files are added to `sources` (the manifest hashes
/// every source file). Returns the targets that were not emitted: one with a
/// construct it cannot express (MAC7001), or whose backend failed. Such a
/// build must not be written even when lint control re-grades MAC7001, or a
/// whole target would be dropped silently.
std::vector<std::string> buildTargets(const sema::Program &program, SourceManager &sources,
                                      const BuildRequest &request, diag::Engine &diags,
                                      MemorySink &out);
/// The same, writing every file into `out` as soon as a backend produces it
/// (the targets' backends write at once, from several threads) and the
/// manifest last, from the digests `out` kept.
std::vector<std::string> buildTargets(const sema::Program &program, SourceManager &sources,
                                      const BuildRequest &request, diag::Engine &diags,
                                      StagedDirectory &out);

/// The targets a build would produce: `requested` if any, else the bundle's.
std::vector<std::string> targetsOf(const sema::Program &program,
                                   const std::vector<std::string> &requested);

} // namespace mac::backend
