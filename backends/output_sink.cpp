// Output sinks. writeDirectory makes a write all-or-nothing through a
// StagedDirectory (staged_directory.h): the files are written in parallel
// into `.<out>.tmp-<random>` beside `out`, which then replaces `out` in one
// rename. An interrupted write leaves at most a hidden temporary directory.
#include "backends/output_sink.h"

#include "backends/staged_directory.h"
#include "compiler/base/assert.h"

#include <llvm/Support/Parallel.h>
#include <llvm/Support/raw_ostream.h>

#include <vector>

namespace mac::backend {

void MemorySink::write(std::string_view file, std::string contents) {
  MAC_ASSERT(!file.empty() && file.front() != '/' && file.find("..") == std::string_view::npos,
             "output paths are relative and stay inside OUT");
  files_[std::string(file)] = std::move(contents);
}

void PrefixSink::write(std::string_view file, std::string contents) {
  inner_.write(prefix_ + "/" + std::string(file), std::move(contents));
}

llvm::Error writeDirectory(const std::map<std::string, std::string> &files,
                           const std::string &out) {
  StagedDirectory staged(out, /*hash=*/false);
  std::vector<const std::pair<const std::string, std::string> *> entries;
  entries.reserve(files.size());
  for (const auto &entry : files)
    entries.push_back(&entry);
  llvm::parallelForEachN(0, entries.size(),
                         [&](size_t i) { staged.put(entries[i]->first, entries[i]->second); });
  return staged.commit();
}

void writeStdout(const std::map<std::string, std::string> &files, llvm::raw_ostream &os) {
  for (const auto &[relative, contents] : files) {
    os << "//--- " << relative << "\n" << contents;
    if (!contents.empty() && contents.back() != '\n')
      os << "\n";
  }
}

} // namespace mac::backend
