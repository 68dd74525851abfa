// OUT/manifest.json: what was built, from what, for where. Bundle name and
// display, version, release tag, environment, targets, date (only when
// given), mac's version, and the sha256 of every source file (flow files,
// `body file`s, bindings; stdlib modules under `<stdlib>/`) and of every
// output file. Keys are sorted: the manifest is byte-identical for
// identical input.
#pragma once

#include "compiler/base/source_manager.h"
#include "compiler/sema/program.h"

#include <map>
#include <string>
#include <vector>

namespace mac::backend {

struct ManifestInput {
  const sema::Program &program;
  const SourceManager &sources;
  std::string env;
  bool production = false;
  std::vector<std::string> targets;
  std::string date;
  std::string toolVersion;
};

/// The manifest of the output files whose SHA-256 digests (lowercase hex)
/// are `digests`, by OUT-relative path (manifest.json itself is skipped), as
/// pretty-printed JSON.
std::string renderManifest(const ManifestInput &input,
                           const std::map<std::string, std::string> &digests);

/// The SHA-256 digest of every file of `outputs`, computed in parallel.
std::map<std::string, std::string> digestFiles(const std::map<std::string, std::string> &outputs);

} // namespace mac::backend
