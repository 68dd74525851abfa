// The stored flow-paths memo: a cache file (cache_file.h) whose memo bytes
// are the number of entries and, for each entry in key order, its key and
// its facts, field by field, as varints (ids, offsets, enumerators) and
// strings (cache/byte_stream.h). Ids and ranges are relative to the flow,
// as the memo keeps them. A statement id outside the flow's statements
// makes the whole file unusable.
#include "compiler/driver/flow_paths_store.h"

#include "compiler/cache/byte_stream.h"
#include "compiler/driver/cache_file.h"

namespace mac::driver {

namespace {

constexpr CacheFileFormat kFormat{"MACPATHS", 1};

using Entry = analyzer::FlowPathsCache::Entry;

class Writer {
public:
  void entry(const Entry &e) {
    out.string(
        llvm::StringRef(reinterpret_cast<const char *>(e.stmtFlags.data()), e.stmtFlags.size()));
    out.u64(e.deadCode.size());
    for (const analyzer::DeadCode &d : e.deadCode) {
      range(d.range);
      out.u64(static_cast<uint64_t>(d.reason));
      range(d.cause);
    }
    out.u64(e.constants.size());
    for (const analyzer::ConstantCondition &c : e.constants) {
      out.u64(c.cond.value);
      out.boolean(c.value);
    }
    out.u64(e.goalsAtEntry.size());
    for (const analyzer::GoalAtEntry &g : e.goalsAtEntry) {
      out.u64(g.trigger);
      out.u64(g.goal.value);
    }
    out.u64(e.duplicates.size());
    for (const analyzer::DuplicateSend &d : e.duplicates) {
      out.u64(d.first.value);
      out.u64(d.second.value);
    }
    out.u64(e.unguarded.size());
    for (const analyzer::UnguardedSend &u : e.unguarded) {
      out.u64(u.send.value);
      out.u64(static_cast<uint64_t>(u.channel));
      out.boolean(u.stale);
      range(u.checkedAt);
      out.u64(u.waitedAt.value);
    }
  }
  cache::ByteWriter out;

private:
  void range(const SourceRange &r) {
    out.u64(r.file.value);
    out.u64(r.begin);
    out.u64(r.end);
  }
};

class Reader {
public:
  explicit Reader(llvm::StringRef bytes) : in(bytes) {}

  Entry entry() {
    Entry e;
    std::string flags = in.string();
    e.stmtFlags.assign(flags.begin(), flags.end());
    statements_ = e.stmtFlags.size();
    e.deadCode.resize(in.count());
    for (analyzer::DeadCode &d : e.deadCode) {
      d.range = range();
      d.reason = in.enumerator(analyzer::DeadReason::EarlierAlwaysTrue);
      d.cause = range();
    }
    e.constants.resize(in.count());
    for (analyzer::ConstantCondition &c : e.constants) {
      c.cond.value = in.u32();
      c.value = in.boolean();
    }
    e.goalsAtEntry.resize(in.count());
    for (analyzer::GoalAtEntry &g : e.goalsAtEntry) {
      g.trigger = in.u64();
      g.goal.value = in.u32();
    }
    e.duplicates.resize(in.count());
    for (analyzer::DuplicateSend &d : e.duplicates) {
      d.first = statement();
      d.second = statement();
    }
    e.unguarded.resize(in.count());
    for (analyzer::UnguardedSend &u : e.unguarded) {
      u.send = statement();
      u.channel = in.enumerator(sema::Channel::Push);
      u.stale = in.boolean();
      u.checkedAt = range();
      u.waitedAt = statement();
    }
    return e;
  }
  cache::ByteReader in;

private:
  SourceRange range() {
    SourceRange r;
    r.file.value = in.u32();
    r.begin = in.u32();
    r.end = in.u32();
    if (r.begin > r.end)
      in.fail();
    return r;
  }
  /// A statement id, relative to the flow: invalid, or one of its statements.
  sema::StmtId statement() {
    sema::StmtId id;
    id.value = in.u32();
    if (id.isValid() && id.value >= statements_)
      in.fail();
    return id;
  }
  size_t statements_ = 0;
};

} // namespace

FlowPathsStore::FlowPathsStore(std::string directory, std::string toolVersion)
    : path_(directory + "/flow-paths-v" + std::to_string(kFormat.version)),
      identity_(cacheFileIdentity(toolVersion)) {}

size_t FlowPathsStore::load(analyzer::FlowPathsCache &cache) {
  missesBefore_ = cache.misses();
  CacheFileContents contents = readCacheFile(path_, kFormat, identity_);
  if (!contents.file)
    return 0;
  Reader reader(contents.body);
  std::vector<std::pair<std::string, Entry>> entries(reader.in.count());
  for (auto &[key, entry] : entries) {
    key = reader.in.string();
    entry = reader.entry();
  }
  if (!reader.in.atEnd())
    return 0;
  for (auto &[key, entry] : entries)
    cache.preload(std::move(key), std::move(entry));
  loaded_ = entries.size();
  return loaded_;
}

bool FlowPathsStore::save(const analyzer::FlowPathsCache &cache) const {
  size_t kept = 0;
  cache.forEachKept([&](const std::string &, const Entry &) { ++kept; });
  if (cache.misses() == missesBefore_ && kept == loaded_)
    return true; // every flow replayed, every stored entry used: the file is current
  Writer writer;
  writer.out.u64(kept);
  cache.forEachKept([&](const std::string &key, const Entry &entry) {
    writer.out.string(key);
    writer.entry(entry);
  });
  return writeCacheFile(path_, kFormat, identity_, writer.out.bytes());
}

} // namespace mac::driver
