// `mac changelog` (see changelog_command.h).
#include "compiler/driver/changelog_command.h"

#include "backends/build_context.h"
#include "changes/render.h"
#include "compiler/driver/build_command.h"
#include "compiler/driver/check_command.h"
#include "compiler/driver/checked_bundle.h"
#include "compiler/driver/release_gate.h"
#include "compiler/driver/snapshot_command.h"

#include <llvm/Support/FileSystem.h>
#include <llvm/Support/FileUtilities.h>
#include <llvm/Support/MemoryBuffer.h>
#include <llvm/Support/Path.h>
#include <llvm/Support/WithColor.h>

#include <cstdlib>

namespace mac::driver {
namespace {

std::string defaultFile(const std::string &bundlePath) {
  llvm::SmallString<256> file(bundlePath);
  if (!llvm::sys::fs::is_directory(file))
    llvm::sys::path::remove_filename(file);
  llvm::sys::path::append(file, "CHANGELOG.md");
  return std::string(file);
}

/// True when `text` has a level-2 heading for `tag` (`## LI-2.5.0` alone or
/// followed by a space).
bool hasEntry(llvm::StringRef text, const std::string &tag) {
  std::string heading = "## " + tag;
  for (llvm::StringRef rest = text; !rest.empty();) {
    auto [line, tail] = rest.split('\n');
    line = line.rtrim("\r");
    if (line == heading || line.startswith(heading + " "))
      return true;
    rest = tail;
  }
  return false;
}

/// `entry` before the first level-2 heading of `text` (after its title and
/// introduction), or at the end; a new file gets a title.
std::string prepend(llvm::StringRef text, const std::string &entry) {
  if (text.empty())
    return "# Changelog\n\n" + entry;
  size_t at = text.startswith("## ") ? 0 : text.find("\n## ");
  if (at == llvm::StringRef::npos) {
    std::string all = text.str();
    if (!all.empty() && all.back() != '\n')
      all += '\n';
    return all + "\n" + entry;
  }
  size_t split = at == 0 ? 0 : at + 1;
  return text.substr(0, split).str() + entry + "\n" + text.substr(split).str();
}

} // namespace

int runChangelog(const ChangelogOptions &options) {
  llvm::Expected<std::string> date = buildDate(options.date, std::getenv("SOURCE_DATE_EPOCH"));
  if (!date)
    return reportUsageError(llvm::toString(date.takeError()));
  CheckedBundle current;
  if (int status = loadCheckedBundle(options.path, current, options.color, "changelog"))
    return status;
  const sema::Bundle &bundle = current.program->bundle;
  if (bundle.version.empty() || bundle.release.empty()) {
    diag::Engine diags;
    diags.report(diag::Code::ReleaseUnversioned, bundle.nameRange, bundle.name,
                 bundle.version.empty() ? "`version`" : "`release`", "changelog");
    printDiagnostics(OutputFormat::Text, diags, current.sources, options.color, llvm::errs());
    return 1;
  }
  std::string tag = backend::releaseTag(bundle);
  std::string file = options.file.empty() ? defaultFile(options.path) : options.file;
  std::string existing;
  if (llvm::sys::fs::exists(file)) {
    auto buffer = llvm::MemoryBuffer::getFile(file);
    if (!buffer)
      return reportUsageError("'" + file + "': " + buffer.getError().message());
    existing = (*buffer)->getBuffer().str();
  }
  if (hasEntry(existing, tag)) {
    llvm::errs() << "mac: " << file << " already has an entry for " << tag << "; nothing added\n";
    return 0;
  }

  std::string releases = releasesDirectory(options.path, options.releases);
  ReleaseComparison comparison;
  if (int status = compareWithPreviousRelease(*current.program, current.sources, releases,
                                              options.color, "changelog", comparison))
    return status;

  std::string entry;
  llvm::raw_string_ostream os(entry);
  changes::renderMarkdownEntry(comparison.changes, {tag, date->substr(0, 10)}, os);
  os.flush();
  std::string updated = prepend(existing, entry);
  if (llvm::Error error = llvm::writeFileAtomically(file + ".tmp%%%%%%", file, updated))
    return reportUsageError("'" + file + "': " + llvm::toString(std::move(error)));
  llvm::errs() << "mac: added the entry for " << tag << " to " << file
               << (comparison.previousTag.empty()
                       ? " (first release)"
                       : " (changes since " + comparison.previousTag + ")")
               << "\n";
  return 0;
}

} // namespace mac::driver
