// `mac fmt`: for each file, parse (with comments), print with format::formatFile,
// check the result with format::checkFormatted, then replace the file
// atomically (a temporary file beside it, renamed over it) only if its text
// changed. Files with syntax errors are reported and never touched.
#include "compiler/driver/fmt_command.h"

#include "compiler/diag/consumers.h"
#include "compiler/driver/version.h"
#include "compiler/format/ast_dump.h"
#include "compiler/format/format.h"
#include "compiler/format/verify.h"
#include "compiler/syntax/parse.h"

#include <llvm/Support/FileSystem.h>
#include <llvm/Support/WithColor.h>
#include <llvm/Support/raw_ostream.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace mac::driver {
namespace {

namespace fs = std::filesystem;

/// The .flow files below `dir` as a bundle sees them: hidden folders and the
/// top-level `releases/` (immutable snapshots) are skipped.
std::vector<std::string> flowFilesBelow(const fs::path &dir) {
  std::vector<std::string> files;
  std::error_code ec;
  fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec);
  for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    std::string name = it->path().filename().string();
    if (it->is_directory(ec)) {
      if (name.starts_with(".") || (it.depth() == 0 && name == "releases"))
        it.disable_recursion_pending();
      continue;
    }
    if (it->path().extension() == ".flow" && it->is_regular_file(ec))
      files.push_back(it->path().generic_string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

int fail(const std::string &message) {
  llvm::WithColor::error(llvm::errs(), "mac") << message << "\n";
  return 2;
}

/// Writes `text` beside `path`, then renames it over `path`.
bool replaceFile(const std::string &path, const std::string &text, std::string &error) {
  std::string temporary = path + ".mac-fmt.tmp";
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out << text;
    if (!out.flush()) {
      error = "cannot write '" + temporary + "'";
      fs::remove(temporary);
      return false;
    }
  }
  std::error_code ec;
  fs::permissions(temporary, fs::status(path, ec).permissions(), ec);
  if (std::error_code rename = llvm::sys::fs::rename(temporary, path)) {
    error = "cannot replace '" + path + "': " + rename.message();
    fs::remove(temporary);
    return false;
  }
  return true;
}

class Formatter {
public:
  explicit Formatter(const FmtOptions &options) : options_(options) {}

  /// Formats one file; returns its exit status.
  int file(const std::string &path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    if (!in)
      return fail("cannot read '" + path + "'");
    SourceManager sources;
    FileId id = sources.addFile(path, path, buffer.str());
    std::string_view text = sources.text(id);
    diag::Engine diags;
    syntax::ParseResult parsed = syntax::parseFileWithComments(sources, id, diags);
    if (diags.hasErrors()) {
      diags.sortAndDeduplicate(sources);
      diag::RenderOptions render;
      render.fileCount = 1;
      render.toolVersion = kVersion;
      diag::renderText(diags.diagnostics(), sources, render, llvm::errs());
      return 1;
    }
    if (options_.dumpAst) {
      llvm::outs() << "== " << path << "\n" << format::dumpFile(*parsed.file, text);
      return 0;
    }
    if (options_.astOnly) {
      llvm::outs() << format::formatFile(*parsed.file, {}, "");
      return 0;
    }
    std::string formatted = format::formatFile(*parsed.file, parsed.comments, text);
    if (formatted == text)
      return 0;
    if (auto problem = format::checkFormatted(*parsed.file, parsed.comments, text, formatted))
      return fail("'" + path + "' left untouched: " + *problem +
                  " (a bug in mac fmt; please report it with the file)");
    if (options_.check) {
      llvm::outs() << path << "\n";
      return 1;
    }
    std::string error;
    return replaceFile(path, formatted, error) ? 0 : fail(error);
  }

private:
  const FmtOptions &options_;
};

} // namespace

int runFmt(const FmtOptions &options) {
  std::vector<std::string> files;
  for (const std::string &path : options.paths) {
    std::error_code ec;
    fs::file_status status = fs::status(path, ec);
    if (ec || !fs::exists(status))
      return fail("no such file or directory: '" + path + "'");
    if (fs::is_directory(status)) {
      std::vector<std::string> below = flowFilesBelow(path);
      files.insert(files.end(), below.begin(), below.end());
    } else if (fs::is_regular_file(status)) {
      files.push_back(path);
    } else {
      return fail("'" + path + "' is neither a .flow file nor a directory");
    }
  }
  int status = 0;
  Formatter formatter(options);
  for (const std::string &file : files)
    status = std::max(status, formatter.file(file));
  llvm::outs().flush();
  return status;
}

} // namespace mac::driver
