// Reading and atomically writing the deploy state (see deploy_state.h).
#include "deploy/deploy_state.h"

#include <llvm/Support/FileSystem.h>
#include <llvm/Support/FileUtilities.h>
#include <llvm/Support/MemoryBuffer.h>
#include <llvm/Support/Path.h>

#include <unistd.h>

namespace mac::deploy {

using nlohmann::json;

std::string deployStatePath(const std::string &releasesDir, const std::string &env,
                            const std::string &target) {
  llvm::SmallString<256> path(releasesDir);
  llvm::sys::path::append(path, "deployments", env, target + ".json");
  return std::string(path);
}

llvm::Expected<DeployState> loadDeployState(const std::string &path, const std::string &env,
                                            const std::string &target) {
  DeployState state;
  state.env = env;
  state.target = target;
  if (!llvm::sys::fs::exists(path))
    return state;
  auto buffer = llvm::MemoryBuffer::getFile(path);
  if (!buffer)
    return llvm::createStringError(buffer.getError(), "cannot read %s: %s", path.c_str(),
                                   buffer.getError().message().c_str());
  json document =
      json::parse((*buffer)->getBuffer().begin(), (*buffer)->getBuffer().end(), nullptr, false);
  auto malformed = [&](const char *why) {
    return llvm::createStringError(std::errc::invalid_argument, "%s: malformed deploy state: %s",
                                   path.c_str(), why);
  };
  if (!document.is_object() || document.value("state", 0) != 1)
    return malformed("not a {\"state\": 1} object");
  if (document.value("env", "") != env || document.value("target", "") != target)
    return malformed("it records another environment or target");
  state.release = document.value("release", "");
  state.version = document.value("version", "");
  try {
    const json resources = document.value("resources", json::object());
    const json progressed = document.value("progress", json::object());
    for (const auto &[key, value] : resources.items()) {
      ResourceRecord record;
      record.id = value.at("id").get<std::string>();
      record.hash = value.at("hash").get<std::string>();
      record.enabled = value.value("enabled", true);
      record.extra = value.value("extra", json::object());
      state.resources[key] = record;
    }
    for (const auto &[key, value] : progressed.items()) {
      ResourceProgress progress;
      progress.hash = value.at("hash").get<std::string>();
      progress.done = value.at("done").get<int>();
      progress.saved = value.value("saved", json::object());
      state.progress[key] = progress;
    }
  } catch (const json::exception &error) {
    return malformed(error.what());
  }
  return state;
}

llvm::Error saveDeployState(const std::string &path, const DeployState &state) {
  json document = {{"state", 1},
                   {"env", state.env},
                   {"target", state.target},
                   {"release", state.release},
                   {"version", state.version},
                   {"resources", json::object()},
                   {"progress", json::object()}};
  for (const auto &[key, record] : state.resources)
    document["resources"][key] = {{"id", record.id},
                                  {"hash", record.hash},
                                  {"enabled", record.enabled},
                                  {"extra", record.extra}};
  for (const auto &[key, progress] : state.progress)
    document["progress"][key] = {
        {"hash", progress.hash}, {"done", progress.done}, {"saved", progress.saved}};
  if (std::error_code error = llvm::sys::fs::create_directories(llvm::sys::path::parent_path(path)))
    return llvm::createStringError(error, "cannot create the directory of %s: %s", path.c_str(),
                                   error.message().c_str());
  std::string text = document.dump(2) + "\n";
  if (llvm::Error error = llvm::writeFileAtomically(path + ".tmp%%%%%%", path, text))
    return llvm::createStringError(std::errc::io_error, "cannot write %s: %s", path.c_str(),
                                   llvm::toString(std::move(error)).c_str());
  return llvm::Error::success();
}

llvm::Expected<std::unique_ptr<DeployLock>> DeployLock::acquire(const std::string &statePath) {
  if (std::error_code error =
          llvm::sys::fs::create_directories(llvm::sys::path::parent_path(statePath)))
    return llvm::createStringError(error, "cannot create the directory of %s: %s",
                                   statePath.c_str(), error.message().c_str());
  std::string path = statePath + ".lock";
  int fd = -1;
  if (std::error_code error = llvm::sys::fs::openFileForReadWrite(
          path, fd, llvm::sys::fs::CD_OpenAlways, llvm::sys::fs::OF_None))
    return llvm::createStringError(error, "cannot open %s: %s", path.c_str(),
                                   error.message().c_str());
  if (std::error_code error = llvm::sys::fs::tryLockFile(fd)) {
    ::close(fd);
    return llvm::createStringError(error,
                                   "another `mac deploy --apply` holds %s: wait for it to end "
                                   "(two deploys to one environment and target never run at once)",
                                   path.c_str());
  }
  return std::unique_ptr<DeployLock>(new DeployLock(fd));
}

DeployLock::~DeployLock() {
  llvm::sys::fs::unlockFile(fd_);
  ::close(fd_);
}

} // namespace mac::deploy
