// The on-disk parse cache behind `mac check --cache-dir DIR` (and
// MAC_CACHE_DIR): each source file's front-end result — its AST and its
// parse diagnostics — stored under a key made of a hash of the file's bytes
// and of everything else the parse depends on (the entry format, mac's
// version and build, the parse limits), so that a re-check parses only the
// files whose bytes changed. The layout, the entry format and the pruning
// rule are in docs/commands.md ("The parse cache").
//
// The cache can only make a run faster: a missing, unreadable, truncated or
// corrupt entry is a miss (the file is parsed, and the entry rewritten), a
// result that cannot be stored is simply not stored, and entries are written
// to a temporary file and renamed, so a concurrent run never sees half an
// entry. parse() may be called from several threads at once.
#pragma once

#include "compiler/sema/loader.h"

#include <atomic>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

namespace mac::cache {

/// The cache directory of a run: `flag` (`--cache-dir`) when given, else
/// $MAC_CACHE_DIR when set and not empty; std::nullopt: no cache.
std::optional<std::string> cacheDirectory(const std::optional<std::string> &flag);

/// What a run did with the cache (MAC_CACHE_STATS=1 prints it on stderr).
struct CacheStats {
  size_t hits = 0;
  size_t misses = 0;      ///< files parsed: no entry, or an unusable one
  size_t rejected = 0;    ///< of the misses: an entry was there but unusable
  size_t written = 0;     ///< entries written
  size_t unstorable = 0;  ///< results encodeParse could not store
  size_t writeErrors = 0; ///< entries that could not be written (I/O)
};

class DiskParseCache final : public sema::ParseCache {
public:
  /// `toolVersion` is mac's version (driver::kVersion); the build identity
  /// is added to every key.
  DiskParseCache(std::string directory, std::string toolVersion);

  std::unique_ptr<ast::File> parse(const SourceManager &sources, FileId file, diag::Engine &diags,
                                   const syntax::ParseLimits &limits) override;
  void giveBack(sema::LoadedBundle) override {}
  bool threadSafe() const override { return true; }
  bool keepsAsts() const override { return false; }

  CacheStats stats() const;
  /// "mac: parse cache DIR: 401 hits, 1 miss (0 unusable), 1 written".
  std::string describeStats() const;

  /// Removes the entries nobody used for `maxAge` (a hit refreshes an entry's
  /// time at most once a day), at most once a day per directory: the time
  /// of the last pruning is the modification time of DIR/v<N>/last-prune.
  /// Only files named like entries (or their temporaries) are removed.
  void pruneIfDue(std::chrono::hours maxAge = std::chrono::hours(24 * 30));

  /// The file holding the entry for `key` (for tests).
  std::string entryPath(uint64_t key) const;
  /// The key of the parse of `text` under `limits` (for tests).
  uint64_t keyOf(std::string_view text, const syntax::ParseLimits &limits) const;

private:
  std::optional<std::unique_ptr<ast::File>> tryRead(const std::string &path, uint64_t contextHash,
                                                    uint64_t sourceHash, std::string_view text,
                                                    FileId file, diag::Engine &diags);
  void write(const std::string &path, uint64_t contextHash, uint64_t sourceHash,
             std::string_view text, const std::string &payload);
  uint64_t contextHash(const syntax::ParseLimits &limits) const;

  std::string directory_; ///< DIR/v<N>
  std::string identity_;  ///< version and build, hashed into every key
  std::atomic<size_t> hits_{0}, misses_{0}, rejected_{0}, written_{0}, unstorable_{0},
      writeErrors_{0};
};

} // namespace mac::cache
