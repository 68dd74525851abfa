// Output sinks. writeDirectory makes a build all-or-nothing: everything is
// written and flushed into `.<out>.tmp-<random>` beside `out`, then
// renameat2(RENAME_EXCHANGE) swaps it with an existing `out` in one step (or
// rename() moves it into place when there is none), and the old tree is
// removed. An interrupted build leaves at most a hidden temporary directory.
// Files are written in parallel (see writeTree).
#include "backends/output_sink.h"

#include "compiler/base/assert.h"

#include <llvm/Support/FileSystem.h>
#include <llvm/Support/Parallel.h>
#include <llvm/Support/Path.h>
#include <llvm/Support/raw_ostream.h>

#include <cerrno>
#include <cstdio>
#include <fcntl.h>
#include <set>
#include <system_error>
#include <vector>

namespace mac::backend {

namespace fs = llvm::sys::fs;
namespace path = llvm::sys::path;

void MemorySink::write(std::string_view file, std::string contents) {
  MAC_ASSERT(!file.empty() && file.front() != '/' && file.find("..") == std::string_view::npos,
             "output paths are relative and stay inside OUT");
  files_[std::string(file)] = std::move(contents);
}

void PrefixSink::write(std::string_view file, std::string contents) {
  inner_.write(prefix_ + "/" + std::string(file), std::move(contents));
}

namespace {

llvm::Error fail(const llvm::Twine &what, std::error_code ec) {
  return llvm::createStringError(ec, what + ": " + ec.message());
}

/// Creates the directories (once each, in order), then writes the files in
/// parallel: tens of thousands of small files cost mostly kernel time
/// (inode creation), which two threads halve. The first failure in path
/// order is reported, so the error does not depend on timing.
llvm::Error writeTree(const std::map<std::string, std::string> &files, llvm::StringRef root) {
  std::vector<std::pair<std::string, const std::string *>> jobs;
  jobs.reserve(files.size());
  std::set<std::string> directories;
  for (const auto &[relative, contents] : files) {
    llvm::SmallString<256> file(root);
    path::append(file, path::Style::posix, relative);
    llvm::StringRef parent = path::parent_path(file);
    if (directories.insert(parent.str()).second)
      if (std::error_code ec = fs::create_directories(parent))
        return fail("cannot create " + parent, ec);
    jobs.emplace_back(file.str().str(), &contents);
  }
  std::vector<std::error_code> errors(jobs.size());
  llvm::parallelForEachN(0, jobs.size(), [&](size_t i) {
    std::error_code ec;
    llvm::raw_fd_ostream os(jobs[i].first, ec, fs::OF_None);
    if (ec) {
      errors[i] = ec;
      return;
    }
    os << *jobs[i].second;
    os.close();
    if (os.has_error()) {
      errors[i] = os.error();
      os.clear_error();
    }
  });
  for (size_t i = 0; i < jobs.size(); ++i)
    if (errors[i])
      return fail("cannot write " + jobs[i].first, errors[i]);
  return llvm::Error::success();
}

/// Swaps two existing paths atomically (Linux renameat2).
std::error_code exchange(llvm::StringRef a, llvm::StringRef b) {
  if (::renameat2(AT_FDCWD, a.str().c_str(), AT_FDCWD, b.str().c_str(), RENAME_EXCHANGE) == 0)
    return {};
  return std::error_code(errno, std::generic_category());
}

} // namespace

llvm::Error writeDirectory(const std::map<std::string, std::string> &files,
                           const std::string &out) {
  llvm::SmallString<256> absolute(out);
  if (std::error_code ec = fs::make_absolute(absolute))
    return fail("cannot resolve " + out, ec);
  path::remove_dots(absolute, /*remove_dot_dot=*/true);
  llvm::StringRef parent = path::parent_path(absolute);
  if (std::error_code ec = fs::create_directories(parent))
    return fail("cannot create " + parent, ec);

  llvm::SmallString<256> temporary(parent);
  path::append(temporary, "." + path::filename(absolute) + ".tmp"); // + "-XXXXXX"
  llvm::SmallString<256> unique;
  if (std::error_code ec = fs::createUniqueDirectory(temporary, unique))
    return fail("cannot create a directory beside " + out, ec);
  if (llvm::Error error = writeTree(files, unique)) {
    fs::remove_directories(unique);
    return error;
  }

  bool existed = fs::exists(absolute);
  if (existed && !fs::is_directory(absolute)) {
    fs::remove_directories(unique);
    return llvm::createStringError(std::make_error_code(std::errc::not_a_directory),
                                   out + " exists and is not a directory");
  }
  std::error_code ec = existed ? exchange(unique, absolute) : fs::rename(unique, absolute);
  if (ec) {
    fs::remove_directories(unique);
    return fail("cannot move the build into " + out, ec);
  }
  if (existed)
    fs::remove_directories(unique); // now holds the previous build
  return llvm::Error::success();
}

void writeStdout(const std::map<std::string, std::string> &files, llvm::raw_ostream &os) {
  for (const auto &[relative, contents] : files) {
    os << "//--- " << relative << "\n" << contents;
    if (!contents.empty() && contents.back() != '\n')
      os << "\n";
  }
}

} // namespace mac::backend
