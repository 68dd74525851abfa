// The store and the relocation behind the pairwise checks' memo (see
// pair_memo.h).
#include "analyzer/pair_memo.h"

#include "analyzer/flow_paths.h"
#include "analyzer/flow_paths_cache.h"

#include <llvm/ADT/Hashing.h>

namespace mac::analyzer {

namespace {

/// Rewrites one range relative to the flow holding it (false: in neither).
bool rangeToRelative(SourceRange &range, SourceRange first, SourceRange second) {
  if (!range.isValid())
    return true;
  for (uint32_t which = 0; which < 2; ++which) {
    SourceRange flow = which == 0 ? first : second;
    if (flow.isValid() && flow.contains(range)) {
      range = {FileId{which}, range.begin - flow.begin, range.end - flow.begin};
      return true;
    }
  }
  return false;
}

void rangeToAbsolute(SourceRange &range, SourceRange first, SourceRange second) {
  if (!range.isValid())
    return;
  SourceRange flow = range.file.value == 0 ? first : second;
  range = {flow.file, range.begin + flow.begin, range.end + flow.begin};
}

/// Calls `visit` on every range of `d`.
template <class Visit> bool forEachRange(diag::Diagnostic &d, Visit &&visit) {
  bool all = visit(d.range);
  for (diag::Note &note : d.notes)
    all = visit(note.range) && all;
  for (diag::Fix &fix : d.fixes)
    for (diag::Edit &edit : fix.edits)
      all = visit(edit.range) && all;
  return all;
}

} // namespace

size_t PairMemo::KeyHash::operator()(const Key &key) const {
  return llvm::hash_combine(key.check, key.first, key.second, key.a, key.b, key.c, key.d);
}

const PairMemo::Result *PairMemo::find(const Key &key) {
  auto it = entries_.find(key);
  if (it == entries_.end()) {
    ++misses_;
    return nullptr;
  }
  ++hits_;
  it->second.run = run_;
  return &it->second.result;
}

void PairMemo::store(const Key &key, Result result) {
  entries_.insert_or_assign(key, Entry{std::move(result), run_});
}

void PairMemo::finishRun() {
  // Entries neither found nor stored since the last call are forgotten.
  std::erase_if(entries_, [&](const auto &entry) { return entry.second.run < run_; });
  ++run_;
}

std::optional<diag::Diagnostic> PairMemo::toRelative(diag::Diagnostic d, SourceRange first,
                                                     SourceRange second) {
  if (!forEachRange(d, [&](SourceRange &r) { return rangeToRelative(r, first, second); }))
    return std::nullopt;
  return d;
}

diag::Diagnostic PairMemo::toAbsolute(diag::Diagnostic d, SourceRange first, SourceRange second) {
  forEachRange(d, [&](SourceRange &r) {
    rangeToAbsolute(r, first, second);
    return true;
  });
  return d;
}

PairMemo *pairMemoFor(CheckContext &ctx, uint32_t check, uint32_t firstFlow, uint32_t secondFlow,
                      PairMemo::Key &key) {
  FlowPathsCache *cache = ctx.options().flowPathsCache;
  if (!cache || !cache->memoisesPairs())
    return nullptr;
  const FlowPaths &paths = ctx.get<FlowPaths>(); // rotates the memo for this run first
  key = {};
  key.check = check;
  key.first = paths.memoIdentity(sema::FlowId{firstFlow});
  key.second = paths.memoIdentity(sema::FlowId{secondFlow});
  if (!key.first || !key.second)
    return nullptr;
  return &cache->pairs();
}

PairFinding::PairFinding(CheckContext &ctx, uint32_t check, TriggerRef first, TriggerRef second,
                         uint32_t c, uint32_t d)
    : ctx_(ctx), first_(first), second_(second) {
  memo_ = pairMemoFor(ctx, check, first.flow.value, second.flow.value, key_);
  key_.a = first.trigger, key_.b = second.trigger, key_.c = c, key_.d = d;
  firstRange_ = ctx.program().flows[first.flow.value].range;
  secondRange_ = ctx.program().flows[second.flow.value].range;
}

bool PairFinding::mustReport() {
  if (const PairMemo::Result *known = memo_ ? memo_->find(key_) : nullptr) {
    if (*known) {
      replayed_ = true;
      ctx_.diags().add(PairMemo::toAbsolute(**known, firstRange_, secondRange_));
    }
    return false;
  }
  if (ctx_.get<FlowPaths>().entriesCanOverlap(first_.flow, first_.trigger, second_.flow,
                                              second_.trigger))
    return true;
  if (memo_)
    memo_->store(key_, std::nullopt);
  return false;
}

void PairFinding::remember(const diag::Diagnostic &reported) {
  if (memo_)
    if (std::optional<diag::Diagnostic> relative =
            PairMemo::toRelative(reported, firstRange_, secondRange_))
      memo_->store(key_, std::move(relative));
}

} // namespace mac::analyzer
