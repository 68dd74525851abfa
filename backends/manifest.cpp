// Rendering OUT/manifest.json (see manifest.h).
#include "backends/manifest.h"

#include "backends/build_context.h"

#include <nlohmann/json.hpp>

namespace mac::backend {

std::string renderManifest(const ManifestInput &input,
                           const std::map<std::string, std::string> &outputs) {
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
  for (const auto &[path, contents] : outputs)
    if (path != "manifest.json")
      files[path] = sha256Hex(contents);
  manifest["outputs"] = std::move(files);
  return manifest.dump(2) + "\n";
}

} // namespace mac::backend
