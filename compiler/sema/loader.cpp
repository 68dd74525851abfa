// Bundle discovery, file reading, `use` resolution and use-cycle detection.
// Paths are made canonical with std::filesystem (as `mac check` always did);
// whether a file exists, what a directory holds and what a file says come
// from the llvm::vfs::FileSystem the caller passes.
#include "compiler/sema/loader.h"

#include "compiler/sema/stdlib.h"
#include "compiler/syntax/input_checks.h"

#include <llvm/ADT/StringRef.h>
#include <llvm/Support/Casting.h>
#include <llvm/Support/MemoryBuffer.h>
#include <llvm/Support/Parallel.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <optional>

namespace fs = std::filesystem;

namespace mac::sema {
namespace {

constexpr std::string_view kStdlibPrefix = "<stdlib>/";

std::string displayPathFor(const fs::path &file, const fs::path &root) {
  std::error_code ec;
  fs::path relative = fs::relative(file, root, ec);
  return (ec || relative.empty() ? file : relative).generic_string();
}

/// The type of `path` in `vfs`, following symbolic links.
llvm::sys::fs::file_type typeOf(llvm::vfs::FileSystem &vfs, const llvm::Twine &path) {
  llvm::ErrorOr<llvm::vfs::Status> status = vfs.status(path);
  return status ? status->getType() : llvm::sys::fs::file_type::file_not_found;
}

/// Every .flow file below `root`, skipping hidden folders and `releases/`
/// (immutable snapshots hold copies of the sources). bundle.flow first.
/// Directory links are not followed; file links are, as with std::filesystem.
std::vector<fs::path> bundleFiles(llvm::vfs::FileSystem &vfs, const fs::path &root) {
  using llvm::sys::fs::file_type;
  std::vector<fs::path> files;
  std::error_code ec;
  llvm::vfs::recursive_directory_iterator it(vfs, root.string(), ec);
  for (; !ec && it != llvm::vfs::recursive_directory_iterator(); it.increment(ec)) {
    fs::path path(it->path().str());
    std::string name = path.filename().string();
    file_type type = it->type();
    if (type != file_type::directory_file && type != file_type::regular_file)
      type = typeOf(vfs, it->path());
    if (type == file_type::directory_file) {
      if (it->type() != file_type::directory_file || name.starts_with(".") ||
          (it.level() == 0 && name == "releases"))
        it.no_push();
      continue;
    }
    if (path.extension() == ".flow" && type == file_type::regular_file)
      files.push_back(path);
  }
  // Sorted by display path, each worked out once (fs::relative touches the
  // disk: in the comparison it cost 0.1 s on a 10,000-flow bundle).
  std::vector<std::pair<std::string, fs::path>> keyed;
  keyed.reserve(files.size());
  for (fs::path &file : files)
    keyed.emplace_back(displayPathFor(file, root), std::move(file));
  std::sort(keyed.begin(), keyed.end(), [](const auto &a, const auto &b) {
    if ((a.first == "bundle.flow") != (b.first == "bundle.flow"))
      return a.first == "bundle.flow";
    return a.first < b.first;
  });
  files.clear();
  for (auto &[display, file] : keyed)
    files.push_back(std::move(file));
  return files;
}

class Loader {
public:
  Loader(SourceManager &sources, diag::Engine &diags, const syntax::ParseLimits &limits,
         llvm::vfs::FileSystem &vfs, ParseCache *cache)
      : sources_(sources), diags_(diags), limits_(limits), vfs_(vfs), cache_(cache) {}

  llvm::Expected<LoadedBundle> load(const std::string &path);

private:
  llvm::Expected<std::string> read(const fs::path &file);
  llvm::Error addFromDisk(const fs::path &file, bool required);
  llvm::Error addBundleFiles(const std::vector<fs::path> &files);
  void addFile(std::string display, std::string real, std::string text, bool stdlib);
  void followUses();
  void reportCycles();
  void loadBodyFiles();
  std::optional<FileId> readBodyFile(const LoadedFile &from, const ast::StringLit &path);

  SourceManager &sources_;
  diag::Engine &diags_;
  const syntax::ParseLimits &limits_;
  llvm::vfs::FileSystem &vfs_;
  ParseCache *cache_;
  LoadedBundle bundle_;
  std::map<std::string, size_t> byRealPath_;
  std::map<std::string, std::optional<FileId>> bodyFileByRealPath_;
  /// use edges: from file index to (file index, the use declaration's range)
  std::vector<std::vector<std::pair<size_t, SourceRange>>> uses_;
};

llvm::Expected<LoadedBundle> Loader::load(const std::string &path) {
  std::error_code ec;
  llvm::ErrorOr<llvm::vfs::Status> status = vfs_.status(path);
  if (!status)
    return llvm::createStringError(std::errc::no_such_file_or_directory,
                                   "no such file or directory: '%s'", path.c_str());
  if (status->isDirectory()) {
    bundle_.root = fs::weakly_canonical(path, ec).string();
    if (!vfs_.exists((fs::path(path) / "bundle.flow").string()))
      return llvm::createStringError(
          std::errc::invalid_argument,
          "'%s' is not a bundle: it has no bundle.flow (pass a bundle directory or a .flow file)",
          path.c_str());
    if (llvm::Error error = addBundleFiles(bundleFiles(vfs_, bundle_.root)))
      return error;
  } else {
    bundle_.singleFile = true;
    bundle_.root = fs::weakly_canonical(path, ec).parent_path().string();
    if (llvm::Error error = addFromDisk(fs::weakly_canonical(path, ec), true))
      return error;
  }
  followUses();
  reportCycles();
  loadBodyFiles();
  return std::move(bundle_);
}

llvm::Expected<std::string> Loader::read(const fs::path &file) {
  auto buffer = vfs_.getBufferForFile(file.string(), /*FileSize=*/-1,
                                      /*RequiresNullTerminator=*/false);
  if (!buffer)
    return llvm::createStringError(buffer.getError(), "cannot read '%s': %s", file.string().c_str(),
                                   buffer.getError().message().c_str());
  return (*buffer)->getBuffer().str();
}

llvm::Error Loader::addFromDisk(const fs::path &file, bool required) {
  llvm::Expected<std::string> text = read(file);
  if (!text)
    return text.takeError();
  addFile(displayPathFor(file, bundle_.root), file.string(), std::move(*text), false);
  return llvm::Error::success();
}

/// The bundle's own files: read in order (so FileIds are stable), then
/// parsed on every core. Each file's diagnostics go to an engine of its own
/// and are appended in file order, so the output is the same as parsing one
/// file after another. A caller's ParseCache (the LSP re-parses one changed
/// file) keeps the sequential path, unless it is thread-safe (the disk cache).
llvm::Error Loader::addBundleFiles(const std::vector<fs::path> &files) {
  if ((cache_ && !cache_->threadSafe()) || files.size() < 2) {
    for (const fs::path &file : files)
      if (llvm::Error error = addFromDisk(file, true))
        return error;
    return llvm::Error::success();
  }
  std::vector<FileId> ids;
  for (const fs::path &file : files) {
    llvm::Expected<std::string> text = read(file);
    if (!text)
      return text.takeError();
    ids.push_back(
        sources_.addFile(displayPathFor(file, bundle_.root), file.string(), std::move(*text)));
  }
  std::vector<LoadedFile> parsed(files.size());
  std::vector<diag::Engine> fileDiags(files.size());
  llvm::parallelForEachN(0, files.size(), [&](size_t i) {
    parsed[i].ast = cache_ ? cache_->parse(sources_, ids[i], fileDiags[i], limits_)
                           : syntax::parseFile(sources_, ids[i], fileDiags[i], limits_);
  });
  for (size_t i = 0; i < files.size(); ++i) {
    for (diag::Diagnostic &d : fileDiags[i].mutableDiagnostics())
      diags_.add(std::move(d));
    parsed[i].realPath = files[i].string();
    byRealPath_[parsed[i].realPath] = bundle_.files.size();
    bundle_.files.push_back(std::move(parsed[i]));
    uses_.emplace_back();
  }
  return llvm::Error::success();
}

void Loader::addFile(std::string display, std::string real, std::string text, bool stdlib) {
  FileId id = sources_.addFile(std::move(display), real, std::move(text));
  LoadedFile loaded;
  loaded.ast = cache_ ? cache_->parse(sources_, id, diags_, limits_)
                      : syntax::parseFile(sources_, id, diags_, limits_);
  loaded.realPath = real;
  loaded.stdlib = stdlib;
  byRealPath_[real] = bundle_.files.size();
  bundle_.files.push_back(std::move(loaded));
  uses_.emplace_back();
}

void Loader::followUses() {
  // The file list grows while we walk it: each new file's uses are followed too.
  for (size_t i = 0; i < bundle_.files.size(); ++i) {
    std::vector<ast::UseDecl *> uses;
    for (ast::Decl *decl : bundle_.files[i].ast->decls)
      if (decl->kind == ast::DeclKind::Use)
        uses.push_back(static_cast<ast::UseDecl *>(decl));
    for (ast::UseDecl *use : uses) {
      std::string key;
      if (use->isModule) {
        auto modules = stdlibModules();
        auto module = std::find_if(modules.begin(), modules.end(),
                                   [&](const StdlibModule &m) { return m.name == use->name.text; });
        if (module == modules.end()) {
          diags_.report(diag::Code::ImportNotFound, use->name.range, "stdlib module",
                        use->name.text);
          continue;
        }
        key = std::string(kStdlibPrefix) + std::string(module->path);
        if (!byRealPath_.count(key))
          addFile(key, key, std::string(module->text), true);
      } else {
        const LoadedFile &from = bundle_.files[i];
        if (from.stdlib) {
          diags_.report(diag::Code::ImportNotFound, use->name.range, "file", use->name.text);
          continue;
        }
        std::error_code ec;
        fs::path target = fs::path(from.realPath).parent_path() / use->name.text;
        fs::path canonical = fs::weakly_canonical(target, ec);
        if (ec || typeOf(vfs_, canonical.string()) != llvm::sys::fs::file_type::regular_file) {
          diags_.report(diag::Code::ImportNotFound, use->name.range, "file", use->name.text);
          continue;
        }
        key = canonical.string();
        if (!byRealPath_.count(key)) {
          if (llvm::Error error = addFromDisk(canonical, false)) {
            llvm::consumeError(std::move(error));
            diags_.report(diag::Code::ImportNotFound, use->name.range, "file", use->name.text);
            continue;
          }
        }
      }
      uses_[i].push_back({byRealPath_[key], use->range});
    }
  }
}

void Loader::reportCycles() {
  // Iterative depth-first search; a back edge closes a cycle.
  enum class Color { White, Grey, Black };
  std::vector<Color> color(uses_.size(), Color::White);
  for (size_t start = 0; start < uses_.size(); ++start) {
    if (color[start] != Color::White)
      continue;
    std::vector<std::pair<size_t, size_t>> stack{{start, 0}}; // (file, next edge)
    color[start] = Color::Grey;
    while (!stack.empty()) {
      auto &[file, edge] = stack.back();
      if (edge == uses_[file].size()) {
        color[file] = Color::Black;
        stack.pop_back();
        continue;
      }
      auto [next, where] = uses_[file][edge++];
      if (color[next] == Color::White) {
        color[next] = Color::Grey;
        stack.push_back({next, 0});
      } else if (color[next] == Color::Grey) {
        std::string cycle;
        bool inCycle = false;
        for (auto &[member, unused] : stack) {
          inCycle = inCycle || member == next;
          if (inCycle)
            cycle += sources_.displayPath(bundle_.files[member].ast->file) + " -> ";
        }
        cycle += sources_.displayPath(bundle_.files[next].ast->file);
        diags_.report(diag::Code::ImportCycle, where, cycle);
      }
    }
  }
}

void Loader::loadBodyFiles() {
  for (const LoadedFile &from : bundle_.files) {
    if (from.stdlib || !from.ast)
      continue;
    for (const ast::Decl *decl : from.ast->decls) {
      const auto *email = llvm::dyn_cast<ast::EmailDecl>(decl);
      if (!email || !email->bodyFile)
        continue;
      if (std::optional<FileId> file = readBodyFile(from, *email->bodyFile))
        bundle_.bodyFiles[{email->bodyFile->range.file.value, email->bodyFile->range.begin}] =
            *file;
    }
  }
}

/// Reads the file a `body file` literal names (relative to the declaring
/// file) once, however many emails name it. Reports MAC1009 at the literal for
/// every email whose file is missing or unreadable.
std::optional<FileId> Loader::readBodyFile(const LoadedFile &from, const ast::StringLit &path) {
  std::error_code ec;
  fs::path target = fs::weakly_canonical(fs::path(from.realPath).parent_path() / path.value, ec);
  std::string shown = displayPathFor(target, bundle_.root);
  std::string reason;
  if (path.value.empty()) {
    reason = "the path is empty";
  } else if (auto known = bodyFileByRealPath_.find(target.string());
             known != bodyFileByRealPath_.end()) {
    return known->second;
  } else if (!vfs_.exists(target.string())) {
    reason = "there is no file `" + shown + "`";
  } else if (typeOf(vfs_, target.string()) == llvm::sys::fs::file_type::directory_file) {
    reason = "`" + shown + "` is a directory";
  } else {
    auto buffer = vfs_.getBufferForFile(target.string(), /*FileSize=*/-1,
                                        /*RequiresNullTerminator=*/false);
    if (buffer) {
      std::string text = (*buffer)->getBuffer().str();
      FileId id = sources_.addFile(shown, target.string(), std::move(text));
      std::string_view contents = sources_.text(id);
      bool ok = syntax::checkSize(contents, id, limits_.maxFileBytes, diags_) &&
                syntax::checkUtf8(contents, id, diags_);
      std::optional<FileId> result = ok ? std::optional<FileId>(id) : std::nullopt;
      bodyFileByRealPath_[target.string()] = result;
      return result;
    }
    reason = "`" + shown + "`: " + llvm::StringRef(buffer.getError().message()).lower();
  }
  diags_.report(diag::Code::TemplateFileNotFound, path.range, path.value, reason);
  return std::nullopt;
}

} // namespace

llvm::vfs::FileSystem &realFileSystem() {
  static llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> real = llvm::vfs::getRealFileSystem();
  return *real;
}

llvm::Expected<LoadedBundle> loadBundle(const std::string &path, SourceManager &sources,
                                        diag::Engine &diags, const syntax::ParseLimits &limits,
                                        llvm::vfs::FileSystem &fs, ParseCache *cache) {
  return Loader(sources, diags, limits, fs, cache).load(path);
}

} // namespace mac::sema
