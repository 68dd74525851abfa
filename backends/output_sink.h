// Where build output goes. Backends write relative paths into an OutputSink
// and never touch the file system. `mac build -o OUT` streams the files into
// a StagedDirectory (staged_directory.h), committed only when the build
// succeeds; a MemorySink collects a whole build for `-o -` (writeStdout),
// `mac snapshot` and `mac deploy`; writeDirectory writes such a map
// atomically. Either way a failed build writes nothing at all.
#pragma once

#include <llvm/Support/Error.h>

#include <map>
#include <string>
#include <string_view>

namespace llvm {
class raw_ostream;
}

namespace mac::backend {

class OutputSink {
public:
  virtual ~OutputSink() = default;
  /// Writes `contents` as the file `path` ('/'-separated, relative, no `..`).
  virtual void write(std::string_view path, std::string contents) = 0;
};

/// Every file in memory, ordered by path.
class MemorySink : public OutputSink {
public:
  void write(std::string_view path, std::string contents) override;
  const std::map<std::string, std::string> &files() const { return files_; }
  /// The files, for moving them into another sink.
  std::map<std::string, std::string> &mutableFiles() { return files_; }

private:
  std::map<std::string, std::string> files_;
};

/// Writes into another sink under `prefix/` (one target's folder).
class PrefixSink : public OutputSink {
public:
  PrefixSink(OutputSink &inner, std::string prefix) : inner_(inner), prefix_(std::move(prefix)) {}
  void write(std::string_view path, std::string contents) override;

private:
  OutputSink &inner_;
  std::string prefix_;
};

/// Replaces the directory `out` with exactly `files`: writes them into a new
/// directory beside `out`, then swaps it in with one rename (the previous
/// `out`, if any, is removed afterwards). On failure `out` is untouched and
/// the temporary directory is removed.
llvm::Error writeDirectory(const std::map<std::string, std::string> &files, const std::string &out);

/// Prints every file, each after a `//--- path` line (split-file's format).
void writeStdout(const std::map<std::string, std::string> &files, llvm::raw_ostream &os);

} // namespace mac::backend
