// One file of a cache directory that holds a whole memo (html_link_store.h,
// flow_paths_store.h): an 8-byte magic, the format version, a checksum
// (xxHash64) of the rest, then the rest: the identity of the mac that wrote
// it (version and build id) and the memo's own bytes. Reading returns the
// memo's bytes only when all of that matches, so a missing, truncated,
// corrupted, older-format or other-build file reads as nothing. Writing goes
// to a temporary file renamed into place, so readers never see half a file.
#pragma once

#include <llvm/ADT/StringRef.h>
#include <llvm/Support/MemoryBuffer.h>

#include <cstdint>
#include <memory>
#include <string>

namespace mac::driver {

struct CacheFileFormat {
  llvm::StringLiteral magic; ///< 8 characters
  uint64_t version;
};

/// The file's contents (keep it alive) and, inside them, the memo's bytes.
struct CacheFileContents {
  std::unique_ptr<llvm::MemoryBuffer> file;
  llvm::StringRef body;
};

/// The identity written into every cache file: mac's version and build id.
std::string cacheFileIdentity(llvm::StringRef toolVersion);

/// The memo's bytes of `path`, or an empty `file` when it cannot be used.
CacheFileContents readCacheFile(const std::string &path, const CacheFileFormat &format,
                                llvm::StringRef identity);

/// Writes `body` into `path` atomically; false when it could not.
bool writeCacheFile(const std::string &path, const CacheFileFormat &format,
                    llvm::StringRef identity, llvm::StringRef body);

} // namespace mac::driver
