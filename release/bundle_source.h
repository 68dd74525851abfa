// Where a bundle is read from, for the commands that compare or replay
// releases (`mac diff`, `mac changelog`, `mac rollback`): a bundle directory,
// a snapshot directory (`releases/LI-2.4.1/`, whose sources sit in
// `sources/`), or `git:REV:PATH`, the bundle at PATH as committed in REV,
// read from the repository's object database without touching the working
// tree. Every form yields a file system and a path to hand to the loader.
#pragma once

#include <llvm/ADT/IntrusiveRefCntPtr.h>
#include <llvm/Support/Error.h>
#include <llvm/Support/VirtualFileSystem.h>

#include <string>

namespace mac::release {

struct BundleSource {
  std::string spec;  ///< as the user wrote it
  std::string label; ///< how output names this side: the spec, or the snapshot's release tag
  std::string path;  ///< the bundle directory inside `fs`
  llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> fs;
  bool snapshot = false; ///< a snapshot directory (its manifest is at `snapshotDir`)
  std::string snapshotDir;
};

/// Resolves `spec`. An llvm::Error (exit 2) when the directory, revision or
/// path does not exist, or a snapshot has no sources.
llvm::Expected<BundleSource> openBundleSource(const std::string &spec);

} // namespace mac::release
