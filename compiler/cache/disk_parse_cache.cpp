// The on-disk parse cache (see disk_parse_cache.h). An entry is one file,
// DIR/v<kFormatVersion>/<first two hex digits of the key>/<key in hex>:
//
//   "MACPARSE"  then six little-endian 64-bit words: the format version,
//   the context hash (version, build, limits), the xxHash64 of the source
//   bytes, their length, the payload's length, the payload's xxHash64;
//   then the payload (ast_serialize.h).
//
// A read checks every word against what this run expects, the file's size,
// and the payload's hash, before decoding it with the bounds-checked reader.
#include "compiler/cache/disk_parse_cache.h"

#include "compiler/cache/ast_serialize.h"
#include "compiler/cache/build_identity.h"
#include "compiler/cache/byte_stream.h"

#include <llvm/ADT/StringExtras.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/FileUtilities.h>
#include <llvm/Support/Format.h>
#include <llvm/Support/MemoryBuffer.h>
#include <llvm/Support/Path.h>
#include <llvm/Support/raw_ostream.h>
#include <llvm/Support/xxhash.h>

#include <cstdlib>

namespace mac::cache {
namespace {

constexpr llvm::StringLiteral kMagic = "MACPARSE";
constexpr size_t kHeaderSize = 8 + 6 * 8;
/// A hit refreshes its entry's modification time when it is older than this,
/// so that pruning keeps what is used (and a warm run does not write).
constexpr std::chrono::hours kRefreshAfter(24);
constexpr std::chrono::hours kPruneEvery(24);

uint64_t hashOf(std::string_view bytes) {
  return llvm::xxHash64(llvm::StringRef(bytes.data(), bytes.size()));
}

std::string hex16(uint64_t value) {
  std::string out;
  llvm::raw_string_ostream(out) << llvm::format_hex_no_prefix(value, 16);
  return out;
}

bool isHex(llvm::StringRef text) {
  return llvm::all_of(text, [](char c) { return llvm::isHexDigit(c); });
}

/// Whether `name` is an entry (16 hex digits) or one's temporary file.
bool isEntryName(llvm::StringRef name) {
  return (name.size() == 16 && isHex(name)) || (name.size() > 17 && isHex(name.take_front(16)) &&
                                                name[16] == '-' && name.endswith(".tmp"));
}

/// The entry key: the context, the source's hash and its length, hashed.
uint64_t combineKey(uint64_t context, uint64_t sourceHash, uint64_t length) {
  ByteWriter key;
  key.fixed64(context);
  key.fixed64(sourceHash);
  key.fixed64(length);
  return hashOf(key.bytes());
}

using Clock = std::chrono::system_clock;

} // namespace

std::optional<std::string> cacheDirectory(const std::optional<std::string> &flag) {
  if (flag)
    return flag;
  const char *env = std::getenv("MAC_CACHE_DIR");
  if (env && *env)
    return std::string(env);
  return std::nullopt;
}

DiskParseCache::DiskParseCache(std::string directory, std::string toolVersion)
    : directory_((llvm::Twine(directory) + "/v" + llvm::Twine(kFormatVersion)).str()),
      identity_(toolVersion + " " + buildIdentity()) {}

uint64_t DiskParseCache::contextHash(const syntax::ParseLimits &limits) const {
  std::string context;
  llvm::raw_string_ostream(context) << "mac parse cache " << kFormatVersion << "\n"
                                    << identity_ << "\n"
                                    << limits.maxFileBytes << " " << limits.maxNesting;
  return hashOf(context);
}

uint64_t DiskParseCache::keyOf(std::string_view text, const syntax::ParseLimits &limits) const {
  return combineKey(contextHash(limits), hashOf(text), text.size());
}

std::string DiskParseCache::entryPath(uint64_t key) const {
  std::string name = hex16(key);
  return directory_ + "/" + name.substr(0, 2) + "/" + name;
}

std::unique_ptr<ast::File> DiskParseCache::parse(const SourceManager &sources, FileId file,
                                                 diag::Engine &diags,
                                                 const syntax::ParseLimits &limits) {
  std::string_view text = sources.text(file);
  // A file over the size limit is rejected before lexing (MAC0005): caching
  // would cost more than parsing.
  if (text.size() > limits.maxFileBytes)
    return syntax::parseFile(sources, file, diags, limits);

  uint64_t context = contextHash(limits);
  uint64_t sourceHash = hashOf(text);
  std::string path = entryPath(combineKey(context, sourceHash, text.size()));

  if (std::optional<std::unique_ptr<ast::File>> ast =
          tryRead(path, context, sourceHash, text, file, diags)) {
    ++hits_;
    return std::move(*ast);
  }
  ++misses_;
  diag::Engine own;
  std::unique_ptr<ast::File> ast = syntax::parseFile(sources, file, own, limits);
  std::optional<std::string> payload;
  if (ast && ast->file == file)
    payload = encodeParse(*ast, own.diagnostics(), static_cast<uint32_t>(text.size()));
  if (payload)
    write(path, context, sourceHash, text, *payload);
  else
    ++unstorable_;
  for (diag::Diagnostic &diagnostic : own.mutableDiagnostics())
    diags.add(std::move(diagnostic));
  return ast;
}

std::optional<std::unique_ptr<ast::File>>
DiskParseCache::tryRead(const std::string &path, uint64_t contextHash, uint64_t sourceHash,
                        std::string_view text, FileId file, diag::Engine &diags) {
  llvm::Expected<llvm::sys::fs::file_t> fd = llvm::sys::fs::openNativeFileForRead(path);
  if (!fd) {
    llvm::consumeError(fd.takeError());
    return std::nullopt; // no entry: a plain miss
  }
  std::optional<std::unique_ptr<ast::File>> result;
  llvm::sys::fs::file_status status;
  if (!llvm::sys::fs::status(*fd, status) && status.getSize() >= kHeaderSize &&
      status.getSize() < (uint64_t(1) << 32)) {
    // Read, not mapped (IsVolatile): a file someone truncates under us must
    // not become a SIGBUS.
    auto buffer = llvm::MemoryBuffer::getOpenFile(*fd, path, status.getSize(),
                                                  /*RequiresNullTerminator=*/false,
                                                  /*IsVolatile=*/true);
    if (buffer) {
      llvm::StringRef bytes = (*buffer)->getBuffer();
      ByteReader header(bytes.take_front(kHeaderSize));
      bool valid = bytes.startswith(kMagic);
      header.skip(kMagic.size());
      valid = valid && header.fixed64() == kFormatVersion;
      valid = valid && header.fixed64() == contextHash;
      valid = valid && header.fixed64() == sourceHash;
      valid = valid && header.fixed64() == text.size();
      uint64_t payloadLength = header.fixed64();
      uint64_t payloadHash = header.fixed64();
      llvm::StringRef payload = bytes.drop_front(kHeaderSize);
      valid = valid && !header.failed() && payload.size() == payloadLength &&
              hashOf(std::string_view(payload.data(), payload.size())) == payloadHash;
      if (valid) {
        if (std::optional<CachedParse> parsed =
                decodeParse(payload, file, static_cast<uint32_t>(text.size()))) {
          for (diag::Diagnostic &diagnostic : parsed->diagnostics)
            diags.add(std::move(diagnostic));
          result = std::move(parsed->ast);
          Clock::time_point modified = status.getLastModificationTime();
          if (Clock::now() - modified > kRefreshAfter) // best effort: pruning keeps it
            (void)llvm::sys::fs::setLastAccessAndModificationTime(*fd, Clock::now());
        }
      }
    }
  }
  llvm::sys::fs::closeFile(*fd);
  if (!result)
    ++rejected_;
  return result;
}

void DiskParseCache::write(const std::string &path, uint64_t contextHash, uint64_t sourceHash,
                           std::string_view text, const std::string &payload) {
  ByteWriter entry;
  entry.raw(kMagic);
  entry.fixed64(kFormatVersion);
  entry.fixed64(contextHash);
  entry.fixed64(sourceHash);
  entry.fixed64(text.size());
  entry.fixed64(payload.size());
  entry.fixed64(hashOf(payload));
  entry.raw(payload);
  std::error_code ec = llvm::sys::fs::create_directories(llvm::sys::path::parent_path(path));
  if (!ec) {
    if (llvm::Error error = llvm::writeFileAtomically(path + "-%%%%%%%%.tmp", path, entry.bytes()))
      llvm::consumeError(std::move(error));
    else
      return (void)++written_;
  }
  ++writeErrors_;
}

CacheStats DiskParseCache::stats() const {
  return CacheStats{hits_, misses_, rejected_, written_, unstorable_, writeErrors_};
}

std::string DiskParseCache::describeStats() const {
  CacheStats s = stats();
  std::string out;
  llvm::raw_string_ostream os(out);
  os << "mac: parse cache " << llvm::sys::path::parent_path(directory_) << ": " << s.hits
     << (s.hits == 1 ? " hit, " : " hits, ") << s.misses << (s.misses == 1 ? " miss" : " misses")
     << " (" << s.rejected << " unusable), " << s.written << " written";
  if (s.unstorable)
    os << ", " << s.unstorable << " not storable";
  if (s.writeErrors)
    os << ", " << s.writeErrors << " write errors";
  return out;
}

void DiskParseCache::pruneIfDue(std::chrono::hours maxAge) {
  namespace fs = llvm::sys::fs;
  std::string stamp = directory_ + "/last-prune";
  fs::file_status status;
  if (!fs::status(stamp, status) && Clock::now() - status.getLastModificationTime() < kPruneEvery)
    return;
  if (fs::create_directories(directory_))
    return;
  {
    std::error_code ec;
    llvm::raw_fd_ostream touch(stamp, ec); // truncating an empty file sets its time
    if (ec)
      return;
  }
  Clock::time_point oldest = Clock::now() - maxAge;
  std::string root = std::string(llvm::sys::path::parent_path(directory_));
  std::error_code ec;
  // DIR/v<N>/<xx>/<entry>, for every format version N: only names mac writes.
  for (fs::directory_iterator version(root, ec), end; !ec && version != end;
       version.increment(ec)) {
    llvm::StringRef name = llvm::sys::path::filename(version->path());
    if (!name.startswith("v") || name.size() < 2 || !llvm::all_of(name.drop_front(), llvm::isDigit))
      continue;
    std::error_code ec2;
    for (fs::directory_iterator shard(version->path(), ec2); !ec2 && shard != end;
         shard.increment(ec2)) {
      llvm::StringRef shardName = llvm::sys::path::filename(shard->path());
      if (shardName.size() != 2 || !isHex(shardName))
        continue;
      std::error_code ec3;
      for (fs::directory_iterator entry(shard->path(), ec3); !ec3 && entry != end;
           entry.increment(ec3)) {
        fs::file_status entryStatus;
        if (isEntryName(llvm::sys::path::filename(entry->path())) &&
            !fs::status(entry->path(), entryStatus) &&
            entryStatus.type() == fs::file_type::regular_file &&
            entryStatus.getLastModificationTime() < oldest)
          (void)fs::remove(entry->path());
      }
    }
  }
}

} // namespace mac::cache
