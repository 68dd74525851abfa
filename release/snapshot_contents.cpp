// Assembling a snapshot's files and manifest (see snapshot_contents.h).
#include "release/snapshot_contents.h"

#include "backends/build_context.h"
#include "release/snapshot_layout.h"

#include <llvm/ADT/StringRef.h>
#include <nlohmann/json.hpp>

namespace mac::release {

llvm::Error collectSources(const SourceManager &sources, FileMap &into) {
  for (uint32_t i = 0; i < sources.fileCount(); ++i) {
    FileId file{i};
    llvm::StringRef path = sources.displayPath(file);
    if (path.startswith("<stdlib>/") || path.startswith("<"))
      continue;
    if (path.startswith("/") || path.startswith("../") || path.contains("/../"))
      return llvm::createStringError(
          llvm::inconvertibleErrorCode(),
          "'" + path.str() +
              "' lies outside the bundle directory; a snapshot holds only the bundle's own "
              "files: move it into the bundle");
    into[path.str()] = std::string(sources.text(file));
  }
  return llvm::Error::success();
}

FileMap snapshotFiles(const SnapshotInput &input) {
  const sema::Bundle &bundle = input.program.bundle;
  FileMap files;
  nlohmann::json manifest;
  manifest["snapshot"] = kSnapshotFormat;
  manifest["bundle"] = bundle.name;
  manifest["display"] = bundle.display;
  manifest["release"] = bundle.release;
  manifest["version"] = bundle.version;
  manifest["tag"] = backend::releaseTag(bundle);
  manifest["date"] = input.date.empty() ? nlohmann::json() : nlohmann::json(input.date);
  manifest["generator"] = "mac " + input.toolVersion;

  nlohmann::json sources = nlohmann::json::object();
  for (const auto &[path, bytes] : input.sources) {
    sources[path] = backend::sha256Hex(bytes);
    files["sources/" + path] = bytes;
  }
  manifest["sources"] = std::move(sources);

  nlohmann::json environments = nlohmann::json::object();
  for (const auto &[env, build] : input.builds) {
    nlohmann::json outputs = nlohmann::json::object();
    for (const auto &[path, bytes] : build.files) {
      outputs[path] = backend::sha256Hex(bytes);
      files["build/" + env + "/" + path] = bytes;
    }
    environments[env] = {
        {"production", build.production}, {"targets", build.targets}, {"outputs", outputs}};
  }
  manifest["environments"] = std::move(environments);
  files["manifest.json"] = manifest.dump(2) + "\n";
  return files;
}

} // namespace mac::release
