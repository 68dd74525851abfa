// Bundle discovery, dirty tracking and re-analysis (see workspace.h).
#include "compiler/lsp/workspace.h"

#include "compiler/driver/pipeline.h"
#include "compiler/lsp/diagnostics.h"
#include "compiler/lsp/uri.h"

#include <llvm/Support/MemoryBuffer.h>
#include <llvm/Support/VirtualFileSystem.h>

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
  for (auto &[root, bundle] : bundles_)
    bundle.publishedVersion.erase(uri);
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
  size_t hitsBefore = bundle.flowPaths->hits(), missesBefore = bundle.flowPaths->misses();
  size_t pairHitsBefore = bundle.flowPaths->pairs().hits();
  size_t pairMissesBefore = bundle.flowPaths->pairs().misses();
  driver::PhaseTimes times;
  options.times = &times;
  // The last analysis's results are freed only once this one is published:
  // tens of thousands of objects, off the path from an edit to its
  // diagnostics. (Declared in this order, the converter goes before the
  // sources it reads.)
  std::unique_ptr<SourceManager> lastSources = std::move(bundle.sources);
  std::unique_ptr<DiagnosticConverter> lastConverter = std::move(bundle.converter);
  std::unique_ptr<sema::Program> lastProgram = std::move(bundle.program);
  std::vector<diag::Diagnostic> lastDiagnostics = std::move(bundle.diagnostics);
  auto sources = std::make_unique<SourceManager>();
  diag::Engine diags;
  Clock::time_point start = Clock::now();
  size_t parsesBefore = bundle.asts.parses();
  auto program = driver::checkBundle(bundle.root, options, *sources, diags);
  double pipeline = millisecondsSince(start);
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
  publishAll(bundle, publish);
  double published = millisecondsSince(start);
  if (std::getenv("MAC_LSP_VERIFY"))
    verify(bundle, *files);
  // MAC_LSP_TIMING=1: where an analysis spends its time, on stderr.
  if (std::getenv("MAC_LSP_TIMING"))
    std::fprintf(
        stderr,
        "mac lsp: %s: %zu files parsed, pipeline %.1f ms (load %.1f, sema %.1f, "
        "checks %.1f, lint %.1f; flows memoised %zu, walked %zu; pairs memoised %zu, checked "
        "%zu), sort %.1f ms, publish %.1f ms, %zu diagnostics\n",
        bundle.root.c_str(), bundle.asts.parses() - parsesBefore, pipeline, times.load, times.sema,
        times.checks, times.lint, bundle.flowPaths->hits() - hitsBefore,
        bundle.flowPaths->misses() - missesBefore,
        bundle.flowPaths->pairs().hits() - pairHitsBefore,
        bundle.flowPaths->pairs().misses() - pairMissesBefore, sorted - pipeline,
        published - sorted, bundle.diagnostics.size());
}

std::string Workspace::uriOf(const std::string &path) const {
  const Document *document = documents_.findByPath(path);
  return document ? document->uri : pathToUri(path);
}

void Workspace::publishAll(Bundle &bundle, const Publisher &publish) {
  bundle.converter = std::make_unique<DiagnosticConverter>(
      *bundle.sources, [this](const std::string &path) { return uriOf(path); });
  DiagnosticConverter &converter = *bundle.converter;
  std::string fallback = uriOf(bundle.singleFile ? bundle.root : bundle.root + "/bundle.flow");
  std::map<std::string, uint64_t> next = converter.fingerprints(bundle.diagnostics, fallback);
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
  std::set<std::string> toConvert;
  for (const auto &[uri, fingerprint] : next) {
    auto old = bundle.publishedFingerprint.find(uri);
    bool changed =
        fingerprint != (old == bundle.publishedFingerprint.end() ? kEmptyList : old->second);
    if (!documents_.find(uri)) {
      if (changed)
        bundle.pending[uri] = fingerprint;
      continue;
    }
    auto seen = bundle.publishedVersion.find(uri);
    if (changed || seen == bundle.publishedVersion.end() ||
        seen->second != documents_.find(uri)->version)
      if (changed || !bundle.published.count(uri))
        toConvert.insert(uri);
  }
  std::map<std::string, std::vector<Diagnostic>> lists = converter.byDocument(
      bundle.diagnostics, fallback, [&](const std::string &uri) { return toConvert.count(uri); });
  for (const auto &[uri, fingerprint] : next) {
    const Document *document = documents_.find(uri);
    if (!document)
      continue;
    auto old = bundle.publishedFingerprint.find(uri);
    bool changed =
        fingerprint != (old == bundle.publishedFingerprint.end() ? kEmptyList : old->second);
    auto seen = bundle.publishedVersion.find(uri);
    // A list converted again is often the list sent last (the edited file's
    // text changes its fingerprint even when its list stays): its JSON is
    // then reused.
    if (toConvert.count(uri)) {
      std::vector<Diagnostic> &last = bundle.published[uri];
      if (lists[uri] != last) {
        last = std::move(lists[uri]);
        bundle.publishedJson.erase(uri);
      }
    }
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
    std::string fallback = uriOf(bundle.singleFile ? bundle.root : bundle.root + "/bundle.flow");
    while (!bundle.pending.empty()) {
      if (stop())
        return false;
      auto first = bundle.pending.begin();
      const std::string &uri = first->first;
      std::vector<Diagnostic> list;
      if (first->second != kEmptyList)
        list = std::move(bundle.converter->byDocument(
            bundle.diagnostics, fallback, [&](const std::string &to) { return to == uri; })[uri]);
      publish(uri, std::nullopt, diagnosticsArrayJson(list));
      bundle.published[uri] = std::move(list);
      bundle.publishedJson.erase(uri);
      setPublished(bundle, uri, first->second);
      bundle.pending.erase(first);
    }
  }
  return true;
}

} // namespace mac::lsp
