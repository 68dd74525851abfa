// The stored HTML link memo. Layout: the magic "MACLINKS", then the format
// version, a checksum (xxHash64) of the rest and the rest: the identity
// (mac's version and build id), the number of texts and, for each text in
// order, the text, its number of links and each link (URL, begin, end,
// whether from HTML). Varints and strings as in cache/byte_stream.h.
#include "compiler/driver/html_link_store.h"

#include "compiler/cache/build_identity.h"
#include "compiler/cache/byte_stream.h"

#include <llvm/Support/FileSystem.h>
#include <llvm/Support/FileUtilities.h>
#include <llvm/Support/MemoryBuffer.h>
#include <llvm/Support/Path.h>
#include <llvm/Support/xxhash.h>

namespace mac::driver {

namespace {

constexpr llvm::StringLiteral kMagic = "MACLINKS";
constexpr uint64_t kFormatVersion = 1;

} // namespace

HtmlLinkStore::HtmlLinkStore(std::string directory, std::string toolVersion)
    : path_(directory + "/html-links-v" + std::to_string(kFormatVersion)),
      identity_(toolVersion + " " + cache::buildIdentity()) {}

size_t HtmlLinkStore::load(analyzer::HtmlLinkMemo &memo) const {
  auto file = llvm::MemoryBuffer::getFile(path_, /*IsText=*/false,
                                          /*RequiresNullTerminator=*/false);
  if (!file)
    return 0;
  llvm::StringRef bytes = (*file)->getBuffer();
  if (!bytes.startswith(kMagic))
    return 0;
  cache::ByteReader header(bytes.drop_front(kMagic.size()).take_front(16));
  uint64_t version = header.fixed64(), checksum = header.fixed64();
  llvm::StringRef body = bytes.drop_front(kMagic.size() + 16);
  if (header.failed() || version != kFormatVersion || llvm::xxHash64(body) != checksum)
    return 0;
  cache::ByteReader in(body);
  if (in.string() != identity_)
    return 0;
  struct Text {
    llvm::StringRef html;
    std::vector<analyzer::RawLink> links;
  };
  std::vector<Text> texts(in.count());
  for (Text &text : texts) {
    uint64_t size = in.count();
    text.html = body.substr(body.size() - in.remaining(), size);
    in.skip(size);
    text.links.resize(in.count());
    for (analyzer::RawLink &link : text.links) {
      link.url = in.string();
      link.begin = in.u32();
      link.end = in.u32();
      link.fromHtml = in.boolean();
      if (link.begin > link.end || link.end > text.html.size())
        in.fail();
    }
  }
  if (!in.atEnd())
    return 0;
  for (Text &text : texts)
    memo.insert(std::string_view(text.html.data(), text.html.size()), std::move(text.links));
  return texts.size();
}

bool HtmlLinkStore::save(const analyzer::HtmlLinkMemo &memo) const {
  if (!memo.changedThisRound())
    return true;
  cache::ByteWriter body;
  body.string(identity_);
  size_t count = 0;
  memo.forEachUsed([&](std::string_view, const std::vector<analyzer::RawLink> &) { ++count; });
  body.u64(count);
  memo.forEachUsed([&](std::string_view html, const std::vector<analyzer::RawLink> &links) {
    body.string(llvm::StringRef(html.data(), html.size()));
    body.u64(links.size());
    for (const analyzer::RawLink &link : links) {
      body.string(link.url);
      body.u64(link.begin);
      body.u64(link.end);
      body.boolean(link.fromHtml);
    }
  });
  cache::ByteWriter file;
  file.raw(kMagic);
  file.fixed64(kFormatVersion);
  file.fixed64(llvm::xxHash64(body.bytes()));
  file.raw(body.bytes());
  if (llvm::sys::fs::create_directories(llvm::sys::path::parent_path(path_)))
    return false;
  if (llvm::Error error = llvm::writeFileAtomically(path_ + "-%%%%%%%%.tmp", path_, file.bytes())) {
    llvm::consumeError(std::move(error));
    return false;
  }
  return true;
}

} // namespace mac::driver
