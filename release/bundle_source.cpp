// Resolving `mac diff`'s and `mac rollback`'s bundle arguments. A git
// revision is read with libgit2: the whole tree of REV is laid, in memory,
// under a virtual root over the real file system (so stdlib modules still
// resolve), and a `use` of a shared file beside the bundle reads the
// committed version too. Nothing in the working tree or the index changes.
#include "release/bundle_source.h"

#include "release/snapshot_layout.h"

#include <git2.h>
#include <llvm/Support/MemoryBuffer.h>
#include <llvm/Support/Path.h>

#include <memory>

namespace mac::release {
namespace {

llvm::Error gitError(const std::string &what) {
  const git_error *error = git_error_last();
  return llvm::createStringError(
      llvm::inconvertibleErrorCode(),
      what + (error && error->message ? ": " + std::string(error->message) : std::string()));
}

/// Frees a libgit2 object when it goes out of scope.
template <typename T, void (*Free)(T *)> struct GitPtr {
  T *ptr = nullptr;
  ~GitPtr() {
    if (ptr)
      Free(ptr);
  }
};

struct TreeCopy {
  git_repository *repo;
  llvm::vfs::InMemoryFileSystem *fs;
  std::string root;
  bool failed = false;
};

int copyEntry(const char *dir, const git_tree_entry *entry, void *payload) {
  auto &copy = *static_cast<TreeCopy *>(payload);
  if (git_tree_entry_type(entry) != GIT_OBJECT_BLOB)
    return 0;
  GitPtr<git_blob, git_blob_free> blob;
  if (git_blob_lookup(&blob.ptr, copy.repo, git_tree_entry_id(entry)) != 0) {
    copy.failed = true;
    return -1;
  }
  std::string path = copy.root + "/" + dir + git_tree_entry_name(entry);
  llvm::StringRef bytes(static_cast<const char *>(git_blob_rawcontent(blob.ptr)),
                        static_cast<size_t>(git_blob_rawsize(blob.ptr)));
  copy.fs->addFile(path, 0, llvm::MemoryBuffer::getMemBufferCopy(bytes, path));
  return 0;
}

/// `git:REV:PATH`: PATH is relative to the repository's top level, as in
/// `git show REV:PATH`; a leading `./` makes it relative to the current
/// directory inside the working tree, also as git does.
llvm::Expected<BundleSource> openGitSource(const std::string &spec) {
  llvm::StringRef rest = llvm::StringRef(spec).drop_front(4);
  auto [rev, path] = rest.split(':');
  if (rev.empty() || !rest.contains(':'))
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "'" + spec + "': expected git:REV:PATH");
  git_libgit2_init();
  GitPtr<git_repository, git_repository_free> repo;
  if (git_repository_open_ext(&repo.ptr, ".", 0, nullptr) != 0)
    return gitError("'" + spec + "': the current directory is not in a git repository");
  std::string inRepo = path.str();
  if (path.startswith("./") || path == ".") {
    llvm::SmallString<256> cwd;
    llvm::sys::fs::current_path(cwd);
    llvm::SmallString<256> top(git_repository_workdir(repo.ptr) ? git_repository_workdir(repo.ptr)
                                                                : "");
    llvm::sys::fs::real_path(top, top);
    llvm::sys::fs::real_path(cwd, cwd);
    llvm::StringRef relative = llvm::StringRef(cwd).drop_front(std::min(top.size(), cwd.size()));
    llvm::SmallString<256> joined(relative.ltrim('/'));
    llvm::sys::path::append(joined, path);
    llvm::sys::path::remove_dots(joined, true);
    inRepo = std::string(joined);
  }
  GitPtr<git_object, git_object_free> commit;
  if (git_revparse_single(&commit.ptr, repo.ptr, (rev.str() + "^{tree}").c_str()) != 0)
    return gitError("'" + spec + "': unknown revision '" + rev.str() + "'");
  auto *tree = reinterpret_cast<git_tree *>(commit.ptr);

  auto memory = llvm::makeIntrusiveRefCnt<llvm::vfs::InMemoryFileSystem>();
  std::string root = "/mac-git/" + rev.str();
  TreeCopy copy{repo.ptr, memory.get(), root};
  if (git_tree_walk(tree, GIT_TREEWALK_PRE, copyEntry, &copy) != 0 || copy.failed)
    return gitError("'" + spec + "': cannot read the tree of '" + rev.str() + "'");
  std::string bundlePath = inRepo.empty() || inRepo == "." ? root : root + "/" + inRepo;
  if (!memory->exists(bundlePath))
    return llvm::createStringError(llvm::inconvertibleErrorCode(), "'" + spec + "': no '" + inRepo +
                                                                       "' in revision '" +
                                                                       rev.str() + "'");
  auto overlay =
      llvm::makeIntrusiveRefCnt<llvm::vfs::OverlayFileSystem>(llvm::vfs::getRealFileSystem());
  overlay->pushOverlay(memory);
  BundleSource source;
  source.spec = spec;
  source.label = spec;
  source.path = bundlePath;
  source.fs = overlay;
  return source;
}

} // namespace

llvm::Expected<BundleSource> openBundleSource(const std::string &spec) {
  if (llvm::StringRef(spec).startswith("git:"))
    return openGitSource(spec);
  if (!llvm::sys::fs::exists(spec))
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "'" + spec + "': no such file or directory");
  BundleSource source;
  source.spec = spec;
  source.label = spec;
  source.path = spec;
  source.fs = llvm::vfs::getRealFileSystem();
  if (auto layout = readSnapshotLayout(spec)) {
    source.snapshot = true;
    source.snapshotDir = spec;
    source.label = layout->tag;
    source.path = layout->sourcesDir;
  } else if (isSnapshotDir(spec)) {
    return layout.takeError();
  } else {
    llvm::consumeError(layout.takeError());
  }
  return source;
}

} // namespace mac::release
