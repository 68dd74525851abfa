// Whole-memo cache files: framing, checksum and atomic replacement.
#include "compiler/driver/cache_file.h"

#include "compiler/cache/build_identity.h"
#include "compiler/cache/byte_stream.h"

#include <llvm/Support/FileSystem.h>
#include <llvm/Support/FileUtilities.h>
#include <llvm/Support/Path.h>
#include <llvm/Support/xxhash.h>

namespace mac::driver {

std::string cacheFileIdentity(llvm::StringRef toolVersion) {
  return (toolVersion + " " + cache::buildIdentity()).str();
}

CacheFileContents readCacheFile(const std::string &path, const CacheFileFormat &format,
                                llvm::StringRef identity) {
  auto file = llvm::MemoryBuffer::getFile(path, /*IsText=*/false,
                                          /*RequiresNullTerminator=*/false);
  if (!file)
    return {};
  llvm::StringRef bytes = (*file)->getBuffer();
  if (!bytes.startswith(format.magic))
    return {};
  bytes = bytes.drop_front(format.magic.size());
  cache::ByteReader header(bytes.take_front(16));
  uint64_t version = header.fixed64(), checksum = header.fixed64();
  llvm::StringRef rest = bytes.drop_front(16);
  if (header.failed() || version != format.version || llvm::xxHash64(rest) != checksum)
    return {};
  cache::ByteReader in(rest);
  if (in.string() != identity || in.failed())
    return {};
  return {std::move(*file), rest.drop_front(rest.size() - in.remaining())};
}

bool writeCacheFile(const std::string &path, const CacheFileFormat &format,
                    llvm::StringRef identity, llvm::StringRef body) {
  cache::ByteWriter rest;
  rest.string(identity);
  rest.raw(body);
  cache::ByteWriter file;
  file.raw(format.magic);
  file.fixed64(format.version);
  file.fixed64(llvm::xxHash64(rest.bytes()));
  file.raw(rest.bytes());
  if (llvm::sys::fs::create_directories(llvm::sys::path::parent_path(path)))
    return false;
  if (llvm::Error error = llvm::writeFileAtomically(path + "-%%%%%%%%.tmp", path, file.bytes())) {
    llvm::consumeError(std::move(error));
    return false;
  }
  return true;
}

} // namespace mac::driver
