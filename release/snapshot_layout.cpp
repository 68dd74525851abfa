// Reading a snapshot's manifest: see snapshot_layout.h for the layout.
#include "release/snapshot_layout.h"

#include "compiler/base/semver.h"

#include <llvm/Support/FileSystem.h>
#include <llvm/Support/MemoryBuffer.h>
#include <llvm/Support/Path.h>
#include <nlohmann/json.hpp>

#include <algorithm>

namespace mac::release {
namespace {

std::string joined(const std::string &dir, const std::string &name) {
  llvm::SmallString<256> path(dir);
  llvm::sys::path::append(path, name);
  return std::string(path);
}

llvm::Error malformed(const std::string &manifest, const std::string &why) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                 "'" + manifest + "': not a snapshot manifest: " + why);
}

} // namespace

std::string SnapshotLayout::buildDir(const std::string &env) const {
  return joined(joined(dir, "build"), env);
}

std::string snapshotDirFor(const std::string &releasesDir, const std::string &tag) {
  return joined(releasesDir, tag);
}

bool isSnapshotDir(const std::string &dir) {
  return llvm::sys::fs::is_regular_file(joined(dir, "manifest.json")) &&
         llvm::sys::fs::is_directory(joined(dir, "sources"));
}

llvm::Expected<SnapshotLayout> readSnapshotLayout(const std::string &dir) {
  std::string manifest = joined(dir, "manifest.json");
  if (!isSnapshotDir(dir))
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "'" + dir + "': not a snapshot (no manifest.json and sources/)");
  auto buffer = llvm::MemoryBuffer::getFile(manifest);
  if (!buffer)
    return llvm::createStringError(buffer.getError(), "'" + manifest + "': cannot read");
  auto json = nlohmann::json::parse((*buffer)->getBuffer(), nullptr, false);
  if (json.is_discarded() || !json.is_object())
    return malformed(manifest, "invalid JSON");
  if (json.value("snapshot", 0) != kSnapshotFormat)
    return malformed(manifest, "no \"snapshot\": " + std::to_string(kSnapshotFormat));
  SnapshotLayout layout;
  layout.dir = dir;
  layout.sourcesDir = joined(dir, "sources");
  for (auto [key, member] : {std::pair{"bundle", &layout.bundle},
                             {"release", &layout.release},
                             {"version", &layout.version},
                             {"tag", &layout.tag},
                             {"date", &layout.date}}) {
    auto it = json.find(key);
    if (it != json.end() && it->is_string())
      *member = it->get<std::string>();
  }
  if (layout.tag.empty())
    return malformed(manifest, "no release tag");
  if (auto sources = json.find("sources"); sources != json.end() && sources->is_object())
    for (auto &[path, hash] : sources->items())
      if (hash.is_string())
        layout.sources[path] = hash.get<std::string>();
  if (auto envs = json.find("environments"); envs != json.end() && envs->is_object())
    for (auto &[name, env] : envs->items()) {
      SnapshotEnvironment &entry = layout.environments[name];
      entry.production = env.value("production", false);
      if (auto targets = env.find("targets"); targets != env.end() && targets->is_array())
        for (auto &target : *targets)
          if (target.is_string())
            entry.targets.push_back(target.get<std::string>());
    }
  return layout;
}

std::vector<SnapshotLayout> listSnapshots(const std::string &releasesDir) {
  std::vector<SnapshotLayout> snapshots;
  std::error_code error;
  for (llvm::sys::fs::directory_iterator it(releasesDir, error), end; !error && it != end;
       it.increment(error)) {
    if (!isSnapshotDir(it->path()))
      continue;
    if (auto layout = readSnapshotLayout(it->path()))
      snapshots.push_back(std::move(*layout));
    else
      llvm::consumeError(layout.takeError());
  }
  auto order = [](const SnapshotLayout &s) { return SemVer::parse(s.version).value_or(SemVer{}); };
  std::stable_sort(snapshots.begin(), snapshots.end(), [&](const auto &a, const auto &b) {
    auto va = order(a), vb = order(b);
    return va != vb ? va < vb : a.tag < b.tag;
  });
  return snapshots;
}

const SnapshotLayout *previousRelease(const std::vector<SnapshotLayout> &all,
                                      const std::string &version) {
  auto current = SemVer::parse(version);
  if (!current)
    return nullptr;
  const SnapshotLayout *previous = nullptr;
  for (const SnapshotLayout &snapshot : all)
    if (auto other = SemVer::parse(snapshot.version); other && *other < *current)
      previous = &snapshot;
  return previous;
}

} // namespace mac::release
