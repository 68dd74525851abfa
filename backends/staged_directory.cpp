// StagedDirectory (see staged_directory.h). Each file costs one open, one
// write (more only for a partial write) and one close: no stat, no seek, no
// user-space buffer. Directories are created once each, under the lock;
// files are written and hashed outside it, so two backends write at once.
// The swap is renameat2(RENAME_EXCHANGE) with an existing OUT (one step),
// else rename().
#include "backends/staged_directory.h"

#include "backends/build_context.h"
#include "compiler/base/assert.h"

#include <llvm/Support/FileSystem.h>
#include <llvm/Support/Path.h>

#include <cerrno>
#include <cstdio>
#include <fcntl.h>
#include <unistd.h>

namespace mac::backend {

namespace fs = llvm::sys::fs;
namespace path = llvm::sys::path;

namespace {

llvm::Error fail(const llvm::Twine &what, std::error_code ec) {
  return llvm::createStringError(ec, what + ": " + ec.message());
}

std::error_code lastError() { return std::error_code(errno, std::generic_category()); }

/// Swaps two existing paths atomically (Linux renameat2).
std::error_code swapPaths(const std::string &a, const std::string &b) {
  if (::renameat2(AT_FDCWD, a.c_str(), AT_FDCWD, b.c_str(), RENAME_EXCHANGE) == 0)
    return {};
  return lastError();
}

/// The absolute, dot-free spelling of `out`.
std::string absolutePath(const std::string &out, std::error_code &ec) {
  llvm::SmallString<256> absolute(out);
  ec = fs::make_absolute(absolute);
  path::remove_dots(absolute, /*remove_dot_dot=*/true);
  return std::string(absolute);
}

} // namespace

StagedDirectory::StagedDirectory(std::string out, bool hash) : out_(std::move(out)), hash_(hash) {}

StagedDirectory::~StagedDirectory() {
  if (!committed_)
    discard();
}

void StagedDirectory::discard() {
  if (!staging_.empty())
    fs::remove_directories(staging_);
  staging_.clear();
}

/// Creates `.<out>.tmp-XXXXXX` beside OUT (and OUT's parent) on the first
/// write, so a build that stops before its backends leaves no trace.
/// Called with the lock held.
std::error_code StagedDirectory::ensureStaging() {
  if (started_)
    return stagingError_;
  started_ = true;
  std::error_code ec;
  std::string absolute = absolutePath(out_, ec);
  if (ec)
    return stagingError_ = ec;
  llvm::StringRef parent = path::parent_path(absolute);
  if ((ec = fs::create_directories(parent)))
    return stagingError_ = ec;
  llvm::SmallString<256> model(parent);
  path::append(model, "." + path::filename(absolute) + ".tmp"); // + "-XXXXXX"
  llvm::SmallString<256> unique;
  if ((ec = fs::createUniqueDirectory(model, unique)))
    return stagingError_ = ec;
  staging_ = std::string(unique);
  directories_.insert(staging_);
  return {};
}

std::error_code StagedDirectory::writeFile(llvm::StringRef file, llvm::StringRef contents) {
  int fd = ::open(file.str().c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
  if (fd < 0)
    return lastError();
  const char *at = contents.data();
  size_t left = contents.size();
  std::error_code ec;
  while (left > 0) {
    ssize_t wrote = ::write(fd, at, left);
    if (wrote < 0) {
      if (errno == EINTR)
        continue;
      ec = lastError();
      break;
    }
    at += wrote;
    left -= static_cast<size_t>(wrote);
  }
  if (::close(fd) != 0 && !ec)
    ec = lastError();
  return ec;
}

void StagedDirectory::write(std::string_view relative, std::string contents) {
  put(relative, contents);
  // `contents` is freed on return: the build does not hold its output.
}

void StagedDirectory::put(std::string_view relative, std::string_view contents) {
  MAC_ASSERT(!relative.empty() && relative.front() != '/' &&
                 relative.find("..") == std::string_view::npos,
             "output paths are relative and stay inside OUT");
  std::string key(relative);
  llvm::SmallString<256> file;
  std::error_code ec;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    paths_.insert(key);
    ec = ensureStaging();
    if (!ec) {
      file = staging_;
      path::append(file, path::Style::posix, relative);
      std::string parent(path::parent_path(file));
      if (directories_.insert(parent).second)
        if ((ec = fs::create_directories(parent)))
          directories_.erase(parent);
    }
  }
  if (!ec)
    ec = writeFile(file, llvm::StringRef(contents.data(), contents.size()));
  std::string digest = hash_ ? sha256Hex(contents) : std::string();
  std::lock_guard<std::mutex> lock(mutex_);
  if (ec)
    errors_.insert_or_assign(key, ec);
  else
    errors_.erase(key);
  if (hash_)
    digests_[key] = std::move(digest);
}

llvm::Error StagedDirectory::commit() {
  MAC_ASSERT(!committed_, "a staged directory is committed once");
  std::error_code ec;
  std::string absolute = absolutePath(out_, ec);
  if (ec)
    return fail("cannot resolve " + out_, ec);
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if ((ec = ensureStaging())) // a build of no files still replaces OUT
      return fail("cannot create a directory beside " + out_, ec);
  }
  if (!errors_.empty()) {
    const auto &[relative, error] = *errors_.begin();
    llvm::SmallString<256> file(staging_);
    path::append(file, path::Style::posix, relative);
    discard();
    return fail("cannot write " + file, error);
  }
  bool existed = fs::exists(absolute);
  if (existed && !fs::is_directory(absolute)) {
    discard();
    return llvm::createStringError(std::make_error_code(std::errc::not_a_directory),
                                   out_ + " exists and is not a directory");
  }
  ec = existed ? swapPaths(staging_, absolute) : fs::rename(staging_, absolute);
  if (ec) {
    discard();
    return fail("cannot move the build into " + out_, ec);
  }
  committed_ = true;
  if (existed)
    fs::remove_directories(staging_); // now holds the previous build
  staging_.clear();
  return llvm::Error::success();
}

} // namespace mac::backend
