// Reading snapshot files back (see snapshot_reader.h).
#include "release/snapshot_reader.h"

#include "backends/build_context.h"

#include <llvm/Support/FileSystem.h>
#include <llvm/Support/MemoryBuffer.h>
#include <llvm/Support/Path.h>
#include <nlohmann/json.hpp>

namespace mac::release {

llvm::Expected<FileMap> readTree(const std::string &dir) {
  FileMap files;
  std::error_code error;
  for (llvm::sys::fs::recursive_directory_iterator it(dir, error), end; it != end;
       it.increment(error)) {
    if (error)
      break;
    if (it->type() != llvm::sys::fs::file_type::regular_file)
      continue;
    auto buffer = llvm::MemoryBuffer::getFile(it->path());
    if (!buffer)
      return llvm::createStringError(buffer.getError(), "'" + it->path() + "': cannot read");
    std::string relative = llvm::StringRef(it->path()).drop_front(dir.size()).ltrim('/').str();
    std::replace(relative.begin(), relative.end(), '\\', '/');
    files[relative] = (*buffer)->getBuffer().str();
  }
  if (error)
    return llvm::createStringError(error, "'" + dir + "': " + error.message());
  return files;
}

llvm::Expected<FileMap> readEnvironmentBuild(const SnapshotLayout &snapshot,
                                             const std::string &env) {
  if (!snapshot.environments.count(env)) {
    std::string known;
    for (const auto &[name, _] : snapshot.environments)
      known += (known.empty() ? "" : ", ") + name;
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "release " + snapshot.tag + " has no environment '" + env +
                                       "' (it has: " + known + ")");
  }
  auto files = readTree(snapshot.buildDir(env));
  if (!files)
    return files.takeError();
  auto manifest = llvm::MemoryBuffer::getFile(snapshot.dir + "/manifest.json");
  auto json =
      manifest ? nlohmann::json::parse((*manifest)->getBuffer(), nullptr, false) : nlohmann::json();
  const nlohmann::json outputs = json.is_object()
                                     ? json["environments"][env].value("outputs", nlohmann::json())
                                     : nlohmann::json();
  if (!outputs.is_object() || outputs.size() != files->size())
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "release " + snapshot.tag + ": build/" + env +
                                       " does not match its manifest (files added or removed)");
  for (const auto &[path, bytes] : *files) {
    auto hash = outputs.find(path);
    if (hash == outputs.end() || *hash != backend::sha256Hex(bytes))
      return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                     "release " + snapshot.tag + ": build/" + env + "/" + path +
                                         " was changed after the snapshot (sha256 mismatch)");
  }
  return files;
}

} // namespace mac::release
