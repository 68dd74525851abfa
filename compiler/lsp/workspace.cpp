// Bundle discovery, dirty tracking and re-analysis (see workspace.h).
#include "compiler/lsp/workspace.h"

#include "compiler/driver/pipeline.h"
#include "compiler/lsp/diagnostics.h"
#include "compiler/lsp/uri.h"

#include <llvm/Support/MemoryBuffer.h>
#include <llvm/Support/VirtualFileSystem.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>

namespace fs = std::filesystem;

namespace mac::lsp {
namespace {

/// Whether `path` is `dir` or lies below it.
bool isUnder(const std::string &path, const std::string &dir) {
  return path == dir || (path.starts_with(dir) && path.size() > dir.size() &&
                         (dir.ends_with("/") || path[dir.size()] == '/'));
}

/// The open buffers laid over the real file system.
llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> overlayOf(const DocumentStore &documents) {
  auto memory = llvm::makeIntrusiveRefCnt<llvm::vfs::InMemoryFileSystem>();
  for (const auto &[uri, document] : documents.all())
    memory->addFile(document.path, 0,
                    llvm::MemoryBuffer::getMemBuffer(document.text, document.path,
                                                     /*RequiresNullTerminator=*/false));
  auto overlay =
      llvm::makeIntrusiveRefCnt<llvm::vfs::OverlayFileSystem>(llvm::vfs::getRealFileSystem());
  overlay->pushOverlay(memory);
  return overlay;
}

using Clock = std::chrono::steady_clock;

/// The fingerprint standing for an empty list (DiagnosticConverter::fingerprints
/// leaves empty lists out).
constexpr uint64_t kEmptyList = 0;
/// How many earlier lists an open document keeps (Bundle::earlier).
constexpr size_t kEarlierLists = 3;
/// How many entries of a pending list are converted between two looks at
/// the input (Workspace::flushPending).
constexpr size_t kFlushChunk = 16;

double millisecondsSince(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

} // namespace

void Workspace::addFolders(const std::vector<std::string> &folders) {
  for (const std::string &folder : folders) {
    std::string root = canonicalPath(folder);
    std::error_code ec;
    if (fs::exists(fs::path(root) / "bundle.flow", ec)) {
      bundles_[root].root = root;
      continue;
    }
    fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec);
    for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (!it->is_directory(ec))
        continue;
      std::string name = it->path().filename().string();
      if (name.starts_with(".") || name == "node_modules") {
        it.disable_recursion_pending();
      } else if (fs::exists(it->path() / "bundle.flow", ec)) {
        std::string bundle = canonicalPath(it->path().string());
        bundles_[bundle].root = bundle;
        it.disable_recursion_pending(); // the bundle's loader owns what is below
      }
    }
  }
}

Bundle *Workspace::bundleOf(const std::string &path) {
  Bundle *best = nullptr;
  for (auto &[root, bundle] : bundles_) {
    if (bundle.singleFile ? root == path : isUnder(path, root))
      if (!best || bundle.singleFile || root.size() > best->root.size())
        best = &bundle;
  }
  return best;
}

void Workspace::touch(const std::string &path) {
  for (auto &[root, bundle] : bundles_)
    if (bundle.files.count(path))
      bundle.dirty = true;
  if (Bundle *owner = bundleOf(path)) {
    owner->dirty = true;
    return;
  }
  if (!fs::path(path).has_extension() || fs::path(path).extension() != ".flow")
    return;
  Bundle &lone = bundles_[path];
  lone.root = path;
  lone.singleFile = true;
}

void Workspace::closed(const std::string &path, const std::string &uri, const Publisher &publish) {
  touch(path); // the disk's content applies again
  for (auto &[root, bundle] : bundles_) {
    bundle.publishedVersion.erase(uri);
    bundle.earlier.erase(uri);
  }
  auto lone = bundles_.find(path);
  if (lone == bundles_.end() || !lone->second.singleFile)
    return;
  std::set<std::string> cleared;
  if (lone->second.published.count(uri) || lone->second.publishedFingerprint.count(uri))
    cleared.insert(uri);
  for (const auto &[published, fingerprint] : lone->second.publishedFingerprint)
    cleared.insert(published);
  for (const std::string &published : cleared)
    publish(published, std::nullopt, "[]");
  bundles_.erase(lone);
}

bool Workspace::hasDirty() const {
  for (const auto &[root, bundle] : bundles_)
    if (bundle.dirty)
      return true;
  return false;
}

void Workspace::analyseDirty(const Publisher &publish, const Logger &log) {
  for (auto &[root, bundle] : bundles_)
    if (bundle.dirty)
      analyse(bundle, publish, log);
}

void Workspace::analyse(Bundle &bundle, const Publisher &publish, const Logger &log) {
  bundle.dirty = false;
  ++bundle.analyses;
  llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> files = overlayOf(documents_);
  driver::PipelineOptions options;
  options.fs = files.get();
  options.parseCache = &bundle.asts;
  if (!bundle.flowPaths)
    bundle.flowPaths = std::make_unique<analyzer::FlowPathsCache>();
  options.flowPathsCache = bundle.flowPaths.get();
  if (!bundle.htmlLinks)
    bundle.htmlLinks = std::make_unique<analyzer::HtmlLinkMemo>();
  options.htmlLinkMemo = bundle.htmlLinks.get();
  size_t hitsBefore = bundle.flowPaths->hits(), missesBefore = bundle.flowPaths->misses();
  size_t pairHitsBefore = bundle.flowPaths->pairs().hits();
  size_t pairMissesBefore = bundle.flowPaths->pairs().misses();
  driver::PhaseTimes times;
  options.times = &times;
  // The last analysis's results are kept until this one is published: its
  // converter and the one before lend hashes of unchanged diagnostics (see
  // DiagnosticConverter::plan); the rest (tens of thousands of objects) is
  // freed after publishing, off the path from the edit to its diagnostics.
  auto last = std::make_unique<EarlierAnalysis>(EarlierAnalysis{
      std::move(bundle.sources), std::move(bundle.diagnostics), std::move(bundle.converter)});
  std::unique_ptr<sema::Program> lastProgram = std::move(bundle.program);
  auto sources = std::make_unique<SourceManager>();
  diag::Engine diags;
  Clock::time_point start = Clock::now();
  size_t parsesBefore = bundle.asts.parses();
  auto program = driver::checkBundle(bundle.root, options, *sources, diags);
  double pipeline = millisecondsSince(start);
  // A round ends with an analysis that ran the checks (an error skips them,
  // and its fix needs the texts again): texts no longer in the bundle go.
  if (bundle.htmlLinks->hits() + bundle.htmlLinks->misses() > 0)
    bundle.htmlLinks->dropUnused();
  if (program)
    bundle.program = std::move(*program);
  else
    log("mac: " + llvm::toString(program.takeError()));
  diags.sortAndDeduplicate(*sources);
  bundle.diagnostics = std::move(diags.mutableDiagnostics());
  bundle.sources = std::move(sources);
  bundle.files.clear();
  for (uint32_t i = 0; i < bundle.sources->fileCount(); ++i)
    if (!bundle.sources->realPath(FileId{i}).starts_with("<stdlib>"))
      bundle.files.insert(bundle.sources->realPath(FileId{i}));
  double sorted = millisecondsSince(start);
  publishAll(
      bundle, publish,
      {last->converter.get(), bundle.beforeLast ? bundle.beforeLast->converter.get() : nullptr});
  double published = millisecondsSince(start);
  // Freed here, once published: on a second thread (tried) the frees cost
  // jemalloc three times the instructions and were slower on a busy machine.
  lastProgram.reset();
  bundle.beforeLast = std::move(last);
  if (std::getenv("MAC_LSP_VERIFY"))
    verify(bundle, *files);
  // MAC_LSP_TIMING=1: where an analysis spends its time, on stderr.
  if (std::getenv("MAC_LSP_TIMING"))
    std::fprintf(
        stderr,
        "mac lsp: %s: %zu files parsed, pipeline %.1f ms (load %.1f, sema %.1f, "
        "checks %.1f, lint %.1f; flows memoised %zu, walked %zu; pairs memoised %zu, checked "
        "%zu), sort %.1f ms, publish %.1f ms (hashes reused %zu, computed %zu), %zu "
        "diagnostics\n",
        bundle.root.c_str(), bundle.asts.parses() - parsesBefore, pipeline, times.load, times.sema,
        times.checks, times.lint, bundle.flowPaths->hits() - hitsBefore,
        bundle.flowPaths->misses() - missesBefore,
        bundle.flowPaths->pairs().hits() - pairHitsBefore,
        bundle.flowPaths->pairs().misses() - pairMissesBefore, sorted - pipeline,
        published - sorted, bundle.converter->reused(), bundle.converter->hashed(),
        bundle.diagnostics.size());
}

std::string Workspace::uriOf(const std::string &path) const {
  const Document *document = documents_.findByPath(path);
  return document ? document->uri : pathToUri(path);
}

void Workspace::publishAll(Bundle &bundle, const Publisher &publish,
                           const std::vector<const DiagnosticConverter *> &donors) {
  bundle.converter = std::make_unique<DiagnosticConverter>(
      *bundle.sources, [this](const std::string &path) { return uriOf(path); });
  DiagnosticConverter &converter = *bundle.converter;
  std::string fallback = uriOf(bundle.singleFile ? bundle.root : bundle.root + "/bundle.flow");
  converter.plan(bundle.diagnostics, fallback, donors);
  std::map<std::string, uint64_t> next = converter.fingerprints();
  std::set<std::string> open; // the bundle's open documents: they always hear back
  for (const auto &[uri, document] : documents_.all())
    if (bundleOf(document.path) == &bundle || bundle.files.count(document.path))
      open.insert(uri);
  for (const auto &[uri, fingerprint] : bundle.publishedFingerprint)
    next.try_emplace(uri, kEmptyList); // a file that became clean hears an empty list
  for (const std::string &uri : open)
    next.try_emplace(uri, kEmptyList);
  // Open documents now: the file being edited hears back first. The others
  // wait in `pending`, so that a burst of edits is not held up by lists
  // that the next analysis would replace.
  bundle.pending.clear();
  bundle.flushing.reset();
  for (const auto &[uri, fingerprint] : next) {
    auto old = bundle.publishedFingerprint.find(uri);
    bool changed =
        fingerprint != (old == bundle.publishedFingerprint.end() ? kEmptyList : old->second);
    const Document *document = documents_.find(uri);
    if (!document) {
      if (changed)
        bundle.pending[uri] = fingerprint;
      continue;
    }
    auto seen = bundle.publishedVersion.find(uri);
    if (changed || !bundle.published.count(uri))
      takeList(bundle, uri, fingerprint);
    if (changed || seen == bundle.publishedVersion.end() || seen->second != document->version) {
      auto json = bundle.publishedJson.find(uri);
      if (json == bundle.publishedJson.end())
        json = bundle.publishedJson.emplace(uri, diagnosticsArrayJson(bundle.published[uri])).first;
      publish(uri, document->version, json->second);
    }
    bundle.publishedVersion[uri] = document->version;
    setPublished(bundle, uri, fingerprint);
  }
}

void Workspace::takeList(Bundle &bundle, const std::string &uri, uint64_t fingerprint) {
  std::vector<SentList> &earlier = bundle.earlier[uri];
  auto current = bundle.publishedFingerprint.find(uri);
  uint64_t currentFingerprint =
      current == bundle.publishedFingerprint.end() ? kEmptyList : current->second;
  // The list the client has becomes an earlier one (when it was serialised).
  auto keepCurrent = [&] {
    auto json = bundle.publishedJson.find(uri);
    if (json == bundle.publishedJson.end() || currentFingerprint == fingerprint)
      return;
    std::erase_if(earlier,
                  [&](const SentList &sent) { return sent.fingerprint == currentFingerprint; });
    earlier.push_back(
        {currentFingerprint, std::move(bundle.published[uri]), std::move(json->second)});
    bundle.publishedJson.erase(json);
    if (earlier.size() > kEarlierLists)
      earlier.erase(earlier.begin());
  };
  auto hit = std::find_if(earlier.begin(), earlier.end(),
                          [&](const SentList &sent) { return sent.fingerprint == fingerprint; });
  if (hit != earlier.end()) {
    SentList found = std::move(*hit);
    earlier.erase(hit);
    keepCurrent();
    bundle.published[uri] = std::move(found.list);
    bundle.publishedJson[uri] = std::move(found.json);
    return;
  }
  std::vector<Diagnostic> list = bundle.converter->listOf(uri);
  std::vector<Diagnostic> &last = bundle.published[uri];
  if (list == last)
    return; // the JSON kept for it still holds
  keepCurrent();
  bundle.published[uri] = std::move(list);
  bundle.publishedJson.erase(uri);
}

void Workspace::setPublished(Bundle &bundle, const std::string &uri, uint64_t fingerprint) {
  if (fingerprint == kEmptyList)
    bundle.publishedFingerprint.erase(uri);
  else
    bundle.publishedFingerprint[uri] = fingerprint;
}

bool Workspace::hasPending() const {
  for (const auto &[root, bundle] : bundles_)
    if (!bundle.pending.empty())
      return true;
  return false;
}

bool Workspace::flushPending(const Publisher &publish, const std::function<bool()> &stop) {
  for (auto &[root, bundle] : bundles_) {
    while (!bundle.pending.empty()) {
      if (stop())
        return false;
      auto first = bundle.pending.begin();
      if (!bundle.flushing || bundle.flushing->uri != first->first)
        bundle.flushing = FlushState{first->first, 0, {}, "["};
      FlushState &state = *bundle.flushing;
      static const std::vector<DiagnosticConverter::Entry> none;
      const std::vector<DiagnosticConverter::Entry> &entries =
          first->second == kEmptyList ? none : bundle.converter->entries(state.uri);
      for (size_t end = std::min(entries.size(), state.next + kFlushChunk); state.next < end;
           ++state.next) {
        state.list.push_back(bundle.converter->convertEntry(entries[state.next]));
        if (state.next)
          state.json += ',';
        appendDiagnosticJson(state.json, state.list.back());
      }
      if (state.next < entries.size())
        continue; // look at the input again
      state.json += ']';
      publish(state.uri, std::nullopt, state.json);
      bundle.published[state.uri] = std::move(state.list);
      bundle.publishedJson.erase(state.uri);
      setPublished(bundle, state.uri, first->second);
      bundle.flushing.reset();
      bundle.pending.erase(first);
    }
  }
  return true;
}

} // namespace mac::lsp
