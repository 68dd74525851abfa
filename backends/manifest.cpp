// Rendering OUT/manifest.json (see manifest.h). Output files are hashed in
// parallel (or as they are written, by a StagedDirectory); the manifest lists
// them in path order.
#include "backends/manifest.h"

#include "backends/build_context.h"
#include "backends/json_output.h"

#include <llvm/Support/Parallel.h>
#include <nlohmann/json.hpp>

#include <vector>

namespace mac::backend {

std::map<std::string, std::string> digestFiles(const std::map<std::string, std::string> &outputs) {
  // Hashing every output is a few percent of a large build: in parallel,
  // then collected in path order.
  std::vector<const std::pair<const std::string, std::string> *> entries;
  entries.reserve(outputs.size());
  for (const auto &entry : outputs)
    entries.push_back(&entry);
  std::vector<std::string> digests(entries.size());
  llvm::parallelForEachN(0, entries.size(),
                         [&](size_t i) { digests[i] = sha256Hex(entries[i]->second); });
  std::map<std::string, std::string> byPath;
  for (size_t i = 0; i < entries.size(); ++i)
    byPath.emplace_hint(byPath.end(), entries[i]->first, std::move(digests[i]));
  return byPath;
}

std::string renderManifest(const ManifestInput &input,
                           const std::map<std::string, std::string> &digests) {
  const sema::Bundle &bundle = input.program.bundle;
  nlohmann::json manifest;
  manifest["manifest_version"] = 1;
  manifest["bundle"] = bundle.name;
  manifest["display"] = bundle.display;
  manifest["version"] = bundle.version;
  manifest["release_tag"] = releaseTag(bundle);
  manifest["env"] = input.env;
  manifest["production"] = input.production;
  manifest["targets"] = input.targets;
  manifest["date"] = input.date.empty() ? nlohmann::json() : nlohmann::json(input.date);
  manifest["generator"] = "mac " + input.toolVersion;

  nlohmann::json sources = nlohmann::json::object();
  for (uint32_t i = 0; i < input.sources.fileCount(); ++i) {
    FileId file{i};
    sources[input.sources.displayPath(file)] = sha256Hex(input.sources.text(file));
  }
  manifest["sources"] = std::move(sources);

  nlohmann::json files = nlohmann::json::object();
  for (const auto &[path, digest] : digests)
    if (path != "manifest.json")
      files[path] = digest;
  manifest["outputs"] = std::move(files);
  return prettyJson(manifest) + "\n";
}

} // namespace mac::backend
