// A build written straight to disk as it is produced, then swapped in whole.
// StagedDirectory is an OutputSink that several threads may write at once:
// each file goes at once into a hidden temporary directory beside OUT
// (`.<out>.tmp-XXXXXX`, created on the first write) and only its SHA-256 is
// kept, for the manifest. commit() replaces OUT with the temporary directory
// in one rename; a StagedDirectory destroyed without a successful commit()
// removes its temporary directory, so OUT is never half written: a failed or
// interrupted build leaves OUT as it was (at most a hidden temporary
// directory after a kill).
#pragma once

#include "backends/output_sink.h"

#include <llvm/Support/Error.h>

#include <map>
#include <mutex>
#include <set>
#include <string>
#include <system_error>

namespace mac::backend {

class StagedDirectory : public OutputSink {
public:
  /// Stages a replacement for the directory `out`. With `hash`, write()
  /// keeps the SHA-256 of every file (digests()).
  explicit StagedDirectory(std::string out, bool hash = true);
  ~StagedDirectory() override;
  StagedDirectory(const StagedDirectory &) = delete;
  StagedDirectory &operator=(const StagedDirectory &) = delete;

  /// Writes the file now and frees `contents` (thread-safe). A failure is
  /// kept for commit().
  void write(std::string_view path, std::string contents) override;
  /// The same, for contents the caller keeps.
  void put(std::string_view path, std::string_view contents);

  /// path → lowercase hex SHA-256 of every file written (with `hash`).
  const std::map<std::string, std::string> &digests() const { return digests_; }
  /// How many distinct files were written.
  size_t fileCount() const { return paths_.size(); }

  /// Replaces OUT with the files written: the first write error in path
  /// order, if any, or the swap's; on error OUT is untouched. The previous
  /// OUT is removed. Call once, after every write has returned.
  llvm::Error commit();
  /// Removes the temporary directory (the destructor does it too).
  void discard();

private:
  std::error_code ensureStaging();
  std::error_code writeFile(llvm::StringRef relative, llvm::StringRef contents);

  std::string out_;
  bool hash_;
  std::mutex mutex_;
  bool started_ = false;
  std::error_code stagingError_;
  std::string staging_; ///< the temporary directory, once created
  std::set<std::string> directories_;
  std::set<std::string> paths_;
  std::map<std::string, std::string> digests_;
  std::map<std::string, std::error_code> errors_;
  bool committed_ = false;
};

} // namespace mac::backend
