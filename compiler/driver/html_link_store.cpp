// The stored HTML link memo: a cache file (cache_file.h) whose memo bytes
// are the number of texts and, for each text in order, the text, its number
// of links and each link (URL, begin, end, whether from HTML), as varints
// and strings (cache/byte_stream.h).
#include "compiler/driver/html_link_store.h"

#include "compiler/cache/byte_stream.h"
#include "compiler/driver/cache_file.h"

namespace mac::driver {

namespace {

constexpr CacheFileFormat kFormat{"MACLINKS", 1};

} // namespace

HtmlLinkStore::HtmlLinkStore(std::string directory, std::string toolVersion)
    : path_(directory + "/html-links-v" + std::to_string(kFormat.version)),
      identity_(cacheFileIdentity(toolVersion)) {}

size_t HtmlLinkStore::load(analyzer::HtmlLinkMemo &memo) const {
  CacheFileContents contents = readCacheFile(path_, kFormat, identity_);
  if (!contents.file)
    return 0;
  llvm::StringRef body = contents.body;
  cache::ByteReader in(body);
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
  return writeCacheFile(path_, kFormat, identity_, body.bytes());
}

} // namespace mac::driver
