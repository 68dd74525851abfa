// The workspace: every bundle under the client's folders (a directory with
// bundle.flow), the open documents, and the last analysis of each bundle.
// An edit marks the bundles holding that file dirty; analyseDirty() re-runs
// the whole pipeline of `mac check` over each dirty bundle only, reading
// through an overlay file system (open buffers over the disk), reusing the
// ASTs of unchanged files and the path facts of unchanged flows, then
// publishes diagnostics for every file of the bundle whose list or version
// changed (empty lists for files that became clean). Whether a list changed
// is decided by its fingerprint (see diagnostics.h): only changed lists are
// converted to LSP form, and an open document's list that comes back (an
// undo) is taken from the few it was sent before. Lists of closed files go
// out when the server is idle, converted a few entries at a time so that an
// edit arriving meanwhile waits for a few entries, not a whole file. A file
// under no bundle is analysed alone, like `mac check file.flow`.
#pragma once

#include "analyzer/flow_paths_cache.h"
#include "analyzer/html_link_memo.h"
#include "compiler/base/source_manager.h"
#include "compiler/diag/diagnostic.h"
#include "compiler/lsp/diagnostics.h"
#include "compiler/lsp/documents.h"
#include "compiler/lsp/parse_cache.h"
#include "compiler/lsp/protocol.h"
#include "compiler/sema/program.h"

#include <llvm/Support/VirtualFileSystem.h>

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace mac::lsp {

/// A list sent to the client: its fingerprint, LSP form and JSON array.
struct SentList {
  uint64_t fingerprint = 0;
  std::vector<Diagnostic> list;
  std::string json;
};

/// The pending list being converted and serialised, a few entries at a time
/// (the first of Bundle::pending).
struct FlushState {
  std::string uri;
  size_t next = 0; ///< the next entry to convert
  std::vector<Diagnostic> list;
  std::string json; ///< the JSON array so far, without its closing bracket
};

/// What an earlier analysis leaves for the next ones: its converter, with
/// the diagnostics and sources it reads, lends hashes (DiagnosticConverter::plan).
struct EarlierAnalysis {
  std::unique_ptr<SourceManager> sources;
  std::vector<diag::Diagnostic> diagnostics;
  std::unique_ptr<DiagnosticConverter> converter; ///< destroyed first: it reads `sources`
};

/// One bundle and its last analysis (what code actions and, later, hover,
/// definition and the other features read).
struct Bundle {
  std::string root;        ///< the bundle directory, or the file of a lone file
  bool singleFile = false; ///< a file under no bundle directory
  bool dirty = true;
  AstCache asts;
  std::unique_ptr<analyzer::FlowPathsCache> flowPaths; ///< per-flow path facts between analyses
  /// Links of each template text's HTML between analyses (one round each).
  std::unique_ptr<analyzer::HtmlLinkMemo> htmlLinks;
  std::unique_ptr<SourceManager> sources;    ///< of the last analysis
  std::unique_ptr<sema::Program> program;    ///< null when the bundle could not be loaded
  std::vector<diag::Diagnostic> diagnostics; ///< sorted, as `mac check` prints them
  std::set<std::string> files;               ///< real paths of the files the analysis read
  /// Converts the last analysis's diagnostics (reads `sources`).
  std::unique_ptr<DiagnosticConverter> converter;
  /// Per URI, the fingerprint of the list the client has (absent: empty).
  std::map<std::string, uint64_t> publishedFingerprint;
  /// Per URI, the last list sent, reused while its fingerprint holds.
  std::map<std::string, std::vector<Diagnostic>> published;
  /// Per open URI, the JSON array of `published[uri]` once serialised: an
  /// edit that leaves a document's list as it was sends it again (with the
  /// new version) without serialising it again.
  std::map<std::string, std::string> publishedJson;
  std::map<std::string, int64_t> publishedVersion; ///< per open URI
  /// Lists of files not open in the editor that changed but were not sent
  /// yet, by fingerprint (0: empty): they are converted and go out when the
  /// server is idle or before it answers a request, and the next analysis
  /// replaces them (see Workspace::flushPending).
  std::map<std::string, uint64_t> pending;
  std::optional<FlushState> flushing; ///< the first pending list, partly converted
  /// The analysis before the last one: with the last, it lends hashes to the
  /// next (an error hides every check's finding; its fix brings them back).
  std::unique_ptr<EarlierAnalysis> beforeLast;
  /// Per open URI, lists sent before the current one (oldest first, at most
  /// kEarlierLists): an edit that brings one back, as an undo does, sends it
  /// again without converting or serialising it.
  std::map<std::string, std::vector<SentList>> earlier;
  size_t analyses = 0;
};

/// Sends textDocument/publishDiagnostics (the version only for open
/// documents) with a list serialised by diagnosticsArrayJson().
using Publisher = std::function<void(const std::string &uri, std::optional<int64_t> version,
                                     const std::string &diagnosticsArray)>;
/// Sends window/logMessage.
using Logger = std::function<void(const std::string &message)>;

class Workspace {
public:
  /// Finds every bundle below `folders` (absolute paths).
  void addFolders(const std::vector<std::string> &folders);

  DocumentStore &documents() { return documents_; }
  /// Marks dirty every bundle that holds `path` (or would: by its directory).
  void touch(const std::string &path);
  /// Forgets a closed document's lone-file bundle after clearing its diagnostics.
  void closed(const std::string &path, const std::string &uri, const Publisher &publish);
  bool hasDirty() const;
  /// Re-analyses every dirty bundle and publishes what changed in the open
  /// documents; the lists of other files wait in Bundle::pending.
  void analyseDirty(const Publisher &publish, const Logger &log);
  /// Sends pending lists, one file at a time, until none is left or
  /// `stop()` says a message is waiting; returns whether all were sent.
  bool flushPending(const Publisher &publish, const std::function<bool()> &stop);
  bool hasPending() const;

  /// The bundle a file belongs to (the deepest bundle directory above it).
  Bundle *bundleOf(const std::string &path);
  const std::map<std::string, Bundle> &bundles() const { return bundles_; }
  /// The URI to publish for a real path: an open document's as the client
  /// spelled it, else the file URI of the path.
  std::string uriOf(const std::string &path) const;

private:
  void analyse(Bundle &bundle, const Publisher &publish, const Logger &log);
  /// `donors`: converters of earlier analyses (their diagnostics and sources
  /// still alive), whose hashes the new fingerprints reuse; null ones skipped.
  void publishAll(Bundle &bundle, const Publisher &publish,
                  const std::vector<const DiagnosticConverter *> &donors);
  /// Makes `published[uri]` the list with `fingerprint`: an earlier list, or
  /// a conversion (the JSON kept when the list is the one already there).
  void takeList(Bundle &bundle, const std::string &uri, uint64_t fingerprint);
  /// MAC_LSP_VERIFY=1: re-runs `bundle`'s analysis from scratch and aborts
  /// when its results differ from the incremental ones (workspace_verify.cpp).
  void verify(Bundle &bundle, llvm::vfs::FileSystem &files);
  /// Records that the client has the list with `fingerprint` for `uri`.
  static void setPublished(Bundle &bundle, const std::string &uri, uint64_t fingerprint);

  DocumentStore documents_;
  std::map<std::string, Bundle> bundles_; ///< by root
};

} // namespace mac::lsp
