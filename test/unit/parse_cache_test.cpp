// The on-disk parse cache (compiler/cache/): the AST encoding round-trips on
// every file of the repository that holds Flow text (encode → decode →
// encode gives the same bytes, and the decoded AST dumps like the parsed
// one, with the same diagnostics at the same places); a truncated payload
// never decodes; and DiskParseCache turns a missing, truncated or corrupted
// entry into a miss with the right result, and a good one into a hit.
#include "compiler/cache/ast_serialize.h"
#include "compiler/cache/disk_parse_cache.h"
#include "compiler/format/ast_dump.h"
#include "compiler/syntax/parse.h"
#include "test/support/corpus.h"

#include <gtest/gtest.h>

#include <llvm/Support/FileSystem.h>
#include <llvm/Support/MemoryBuffer.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

namespace {

using namespace mac;
namespace fs = std::filesystem;

using mac::test::readFile;

/// A diagnostic as text, ranges as offsets (the FileId differs between runs).
std::string show(const SourceRange &range) {
  return (range.isValid() ? "@" : "-@") + std::to_string(range.begin) + ".." +
         std::to_string(range.end);
}
std::string show(const std::vector<diag::Diagnostic> &diagnostics, FileId expected) {
  std::string out;
  auto where = [&](const SourceRange &range) {
    EXPECT_TRUE(!range.isValid() || range.file == expected);
    return show(range);
  };
  for (const diag::Diagnostic &d : diagnostics) {
    out += std::to_string(int(d.code)) + " " + std::to_string(int(d.severity)) + " " +
           where(d.range) + " " + d.message + "\n";
    for (const diag::Note &note : d.notes)
      out += "  note " + where(note.range) + " " + note.message + "\n";
    for (const diag::Fix &fix : d.fixes) {
      out += "  fix " + fix.message + "\n";
      for (const diag::Edit &edit : fix.edits)
        out += "    edit " + where(edit.range) + " " + edit.text + "\n";
    }
  }
  return out;
}

struct Parsed {
  SourceManager sources;
  FileId file;
  diag::Engine diags;
  std::unique_ptr<ast::File> ast;
};

std::unique_ptr<Parsed> parse(const std::string &text, int padding = 0) {
  auto parsed = std::make_unique<Parsed>();
  for (int i = 0; i < padding; ++i) // a different FileId than the writer's
    parsed->sources.addFile("pad.flow", "pad.flow", "");
  parsed->file = parsed->sources.addFile("f.flow", "/f.flow", text);
  parsed->ast = syntax::parseFile(parsed->sources, parsed->file, parsed->diags);
  return parsed;
}

TEST(ParseCache, RoundTripOnTheCorpus) {
  size_t files = 0, withDiagnostics = 0, bytes = 0;
  for (const fs::path &path : mac::test::flowCorpusFiles()) {
    std::string text = readFile(path);
    std::unique_ptr<Parsed> original = parse(text);
    ASSERT_TRUE(original->ast) << path;
    uint32_t length = static_cast<uint32_t>(text.size());
    std::optional<std::string> first =
        cache::encodeParse(*original->ast, original->diags.diagnostics(), length);
    ASSERT_TRUE(first) << "not storable: " << path;

    FileId other{7};
    std::optional<cache::CachedParse> read = cache::decodeParse(*first, other, length);
    ASSERT_TRUE(read) << "does not decode: " << path;
    EXPECT_EQ(read->ast->file, other);
    std::optional<std::string> second = cache::encodeParse(*read->ast, read->diagnostics, length);
    ASSERT_TRUE(second) << path;
    EXPECT_EQ(*first, *second) << "encode(decode(x)) differs: " << path;
    EXPECT_EQ(format::dumpFile(*original->ast, text), format::dumpFile(*read->ast, text)) << path;
    EXPECT_EQ(show(original->diags.diagnostics(), original->file), show(read->diagnostics, other))
        << path;
    ++files;
    bytes += first->size();
    withDiagnostics += !read->diagnostics.empty();
  }
  EXPECT_GT(files, 300u) << "the corpus was not found under " << MAC_SOURCE_DIR;
  EXPECT_GT(withDiagnostics, 50u); // the .test files' RUN lines
  EXPECT_GT(bytes, 100000u);
}

std::string exampleText() {
  return readFile(fs::path(MAC_SOURCE_DIR) / "docs/examples/lead-intake/flows/lead_intake.flow");
}

TEST(ParseCache, EveryTruncatedPayloadIsRejected) {
  std::string text = exampleText();
  ASSERT_FALSE(text.empty());
  std::unique_ptr<Parsed> original = parse(text);
  std::string payload =
      *cache::encodeParse(*original->ast, original->diags.diagnostics(), text.size());
  ASSERT_GT(payload.size(), 1000u);
  for (size_t size = 0; size < payload.size(); ++size)
    EXPECT_FALSE(
        cache::decodeParse(llvm::StringRef(payload).take_front(size), FileId{0}, text.size()))
        << "a prefix of " << size << " bytes decoded";
  std::string longer = payload + '\0';
  EXPECT_FALSE(cache::decodeParse(longer, FileId{0}, text.size())) << "trailing bytes";
  // Ranges are checked against the file's length.
  EXPECT_FALSE(cache::decodeParse(payload, FileId{0}, 10));
}

TEST(ParseCache, FlippedPayloadBytesNeverCrash) {
  // The entry's hash catches a flipped byte before decoding; the decoder must
  // still survive one (run under the sanitizers in CI).
  std::string text = exampleText();
  std::unique_ptr<Parsed> original = parse(text);
  std::string payload =
      *cache::encodeParse(*original->ast, original->diags.diagnostics(), text.size());
  size_t decoded = 0;
  for (size_t at = 0; at < payload.size(); ++at)
    for (uint8_t mask : {0x01, 0x80, 0xff}) {
      std::string corrupt = payload;
      corrupt[at] = static_cast<char>(corrupt[at] ^ mask);
      decoded += cache::decodeParse(corrupt, FileId{0}, text.size()).has_value();
    }
  EXPECT_LT(decoded, payload.size() * 3);
}

TEST(ParseCache, UnstorableResults) {
  std::string text = "tag a;\n";
  std::unique_ptr<Parsed> original = parse(text);
  ASSERT_TRUE(cache::encodeParse(*original->ast, {}, text.size()));
  // A diagnostic pointing into another file, or past the end of this one.
  diag::Diagnostic foreign{
      diag::Code{}, diag::Severity::Error, "x", SourceRange{FileId{9}, 0, 1}, {}, {}};
  EXPECT_FALSE(cache::encodeParse(*original->ast, {foreign}, text.size()));
  diag::Diagnostic past{
      diag::Code{}, diag::Severity::Error, "x", SourceRange{original->file, 0, 100}, {}, {}};
  EXPECT_FALSE(cache::encodeParse(*original->ast, {past}, text.size()));
}

/// A fresh directory, removed at the end of the test.
class TempDir {
public:
  TempDir() {
    llvm::SmallString<128> path;
    EXPECT_FALSE(llvm::sys::fs::createUniqueDirectory("mac-parse-cache-test", path));
    path_ = std::string(path);
  }
  ~TempDir() { fs::remove_all(path_); }
  const std::string &path() const { return path_; }

private:
  std::string path_;
};

struct CacheRun {
  std::string dump, diagnostics;
};

CacheRun parseThrough(cache::DiskParseCache &cache, const std::string &text, int padding = 0) {
  SourceManager sources;
  for (int i = 0; i < padding; ++i)
    sources.addFile("pad.flow", "pad.flow", "");
  FileId file = sources.addFile("f.flow", "/f.flow", text);
  diag::Engine diags;
  std::unique_ptr<ast::File> ast = cache.parse(sources, file, diags, {});
  EXPECT_TRUE(ast);
  EXPECT_EQ(ast->file, file);
  return {format::dumpFile(*ast, text), show(diags.diagnostics(), file)};
}

const char *kBroken = "tag a;\nflow f {\n  on tag_added a;\n  send ;\n}\n";

TEST(ParseCache, DiskCacheMissThenHit) {
  TempDir dir;
  cache::DiskParseCache cache(dir.path(), "test");
  std::string text = exampleText() + kBroken;
  std::unique_ptr<Parsed> direct = parse(text);
  std::string expectedDump = format::dumpFile(*direct->ast, text);
  std::string expectedDiags = show(direct->diags.diagnostics(), direct->file);
  ASSERT_NE(expectedDiags, ""); // the broken flow reports a syntax error

  CacheRun cold = parseThrough(cache, text);
  EXPECT_EQ(cache.stats().misses, 1u);
  EXPECT_EQ(cache.stats().written, 1u);
  CacheRun warm = parseThrough(cache, text, 3);
  EXPECT_EQ(cache.stats().hits, 1u);
  EXPECT_EQ(cache.stats().written, 1u);
  for (const CacheRun &run : {cold, warm}) {
    EXPECT_EQ(run.dump, expectedDump);
    EXPECT_EQ(run.diagnostics, expectedDiags);
  }
  // Another text is another entry; the limits are part of the key.
  parseThrough(cache, text + "\n");
  EXPECT_EQ(cache.stats().misses, 2u);
  syntax::ParseLimits limits;
  EXPECT_NE(cache.keyOf(text, limits), cache.keyOf(text + "\n", limits));
  limits.maxNesting = 10;
  EXPECT_NE(cache.keyOf(text, limits), cache.keyOf(text, {}));
  // And so are mac's version and build.
  EXPECT_NE(cache::DiskParseCache(dir.path(), "other").keyOf(text, {}), cache.keyOf(text, {}));
}

TEST(ParseCache, DamagedEntriesAreMisses) {
  TempDir dir;
  std::string text = exampleText() + kBroken;
  std::string path;
  std::string entry;
  CacheRun expected;
  {
    cache::DiskParseCache cache(dir.path(), "test");
    expected = parseThrough(cache, text);
    path = cache.entryPath(cache.keyOf(text, {}));
    entry = readFile(path);
    ASSERT_GT(entry.size(), 1000u);
  }
  auto rewrite = [&](const std::string &bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << bytes;
  };
  auto expectMiss = [&](const std::string &what) {
    cache::DiskParseCache cache(dir.path(), "test");
    CacheRun run = parseThrough(cache, text);
    EXPECT_EQ(cache.stats().hits, 0u) << what;
    EXPECT_EQ(cache.stats().rejected, 1u) << what;
    EXPECT_EQ(run.dump, expected.dump) << what;
    EXPECT_EQ(run.diagnostics, expected.diagnostics) << what;
    EXPECT_EQ(readFile(path), entry) << what << ": the entry is written again";
  };
  for (size_t size : {size_t(0), size_t(7), size_t(40), entry.size() / 2, entry.size() - 1}) {
    rewrite(entry.substr(0, size));
    expectMiss("truncated to " + std::to_string(size));
  }
  // A flipped bit anywhere: in the header (magic, version, hashes, lengths)
  // or in the payload (its hash no longer matches).
  for (size_t at = 0; at < entry.size(); at += (at < 64 ? 1 : 97)) {
    std::string corrupt = entry;
    corrupt[at] = static_cast<char>(corrupt[at] ^ 0x10);
    rewrite(corrupt);
    expectMiss("byte " + std::to_string(at) + " flipped");
  }
  rewrite(entry + "x");
  expectMiss("a byte appended");
  // An entry of another file at this path (a key collision) is refused too.
  {
    cache::DiskParseCache cache(dir.path(), "test");
    std::string other = "tag b;\n";
    parseThrough(cache, other);
    rewrite(readFile(cache.entryPath(cache.keyOf(other, {}))));
  }
  expectMiss("another file's entry");
  // A directory where the entry should be: a miss, and nothing written.
  fs::remove(path);
  fs::create_directory(path);
  {
    cache::DiskParseCache cache(dir.path(), "test");
    CacheRun run = parseThrough(cache, text);
    EXPECT_EQ(run.dump, expected.dump);
    EXPECT_EQ(cache.stats().writeErrors, 1u);
  }
  // The whole directory deleted between runs.
  fs::remove_all(dir.path());
  {
    cache::DiskParseCache cache(dir.path(), "test");
    EXPECT_EQ(parseThrough(cache, text).dump, expected.dump);
    EXPECT_EQ(cache.stats().written, 1u);
  }
}

TEST(ParseCache, ParsesFromSeveralThreads) {
  TempDir dir;
  cache::DiskParseCache cache(dir.path(), "test");
  std::string text = exampleText();
  std::vector<std::string> dumps(8);
  std::vector<std::thread> threads;
  for (size_t i = 0; i < dumps.size(); ++i)
    threads.emplace_back(
        [&, i] { dumps[i] = parseThrough(cache, text + std::string(i % 2, '\n')).dump; });
  for (std::thread &thread : threads)
    thread.join();
  for (const std::string &dump : dumps)
    EXPECT_EQ(dump, dumps[0]);
  cache::CacheStats stats = cache.stats();
  EXPECT_EQ(stats.hits + stats.misses, dumps.size());
  EXPECT_EQ(stats.writeErrors, 0u);
}

TEST(ParseCache, PruningRemovesOnlyOldEntries) {
  TempDir dir;
  std::string text = "tag a;\n";
  cache::DiskParseCache cache(dir.path(), "test");
  parseThrough(cache, text);
  std::string entry = cache.entryPath(cache.keyOf(text, {}));
  fs::path stranger = fs::path(entry).parent_path() / "notes.txt";
  std::ofstream(stranger) << "not ours";
  // Made old: an entry and a stranger's file.
  auto old = fs::file_time_type::clock::now() - std::chrono::hours(24 * 40);
  fs::last_write_time(entry, old);
  fs::last_write_time(stranger, old);
  cache.pruneIfDue();
  EXPECT_FALSE(fs::exists(entry));
  EXPECT_TRUE(fs::exists(stranger)) << "only entries are pruned";
  // Once a day: a second call right after does nothing.
  parseThrough(cache, text);
  fs::last_write_time(entry, old);
  cache.pruneIfDue();
  EXPECT_TRUE(fs::exists(entry));
}

} // namespace
