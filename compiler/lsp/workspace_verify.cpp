// MAC_LSP_VERIFY=1: the differential test of incremental analysis. After
// each analysis of a bundle, the whole pipeline runs again from scratch (a
// fresh SourceManager, no AST cache, no memoised checks) and its results are
// compared with the incremental ones: the mac diagnostics (fixes included,
// which code actions read) and, for every document, the LSP list the client
// has or is about to get (what was published, or is pending). Any difference
// is printed on stderr and the server aborts: a test cannot miss it.
#include "compiler/driver/pipeline.h"
#include "compiler/lsp/workspace.h"

#include <fmt/format.h>
#include <llvm/Support/VirtualFileSystem.h>

#include <cstdio>
#include <cstdlib>
#include <set>

namespace mac::lsp {
namespace {

/// A readable form of one mac diagnostic, ranges as file:begin-end.
std::string describe(const SourceManager &sources, const diag::Diagnostic &d) {
  auto place = [&](const SourceRange &range) {
    return range.isValid()
               ? fmt::format("{}:{}-{}", sources.realPath(range.file), range.begin, range.end)
               : std::string("<none>");
  };
  std::string out = fmt::format("{} {} {} \"{}\"", diag::ruleInfo(d.code).id,
                                diag::severityName(d.severity), place(d.range), d.message);
  for (const diag::Note &note : d.notes)
    out += fmt::format(" [note {} \"{}\"]", place(note.range), note.message);
  for (const diag::Fix &fix : d.fixes) {
    out += fmt::format(" [fix \"{}\"", fix.message);
    for (const diag::Edit &edit : fix.edits)
      out += fmt::format(" {} \"{}\"", place(edit.range), edit.text);
    out += "]";
  }
  return out;
}

std::string describe(const Diagnostic &d) {
  std::string out = fmt::format("{} {}:{}-{}:{} sev {} \"{}\"", d.code, d.range.start.line,
                                d.range.start.character, d.range.end.line, d.range.end.character,
                                static_cast<int>(d.severity), d.message);
  for (const DiagnosticRelatedInformation &info : d.relatedInformation)
    out += fmt::format(" [{} {}:{} \"{}\"]", info.location.uri, info.location.range.start.line,
                       info.location.range.start.character, info.message);
  return out;
}

[[noreturn]] void fail(const std::string &root, const std::string &what) {
  std::fprintf(stderr,
               "mac lsp: MAC_LSP_VERIFY: %s: incremental analysis differs from a full "
               "one: %s\n",
               root.c_str(), what.c_str());
  std::fflush(stderr);
  std::abort();
}

} // namespace

void Workspace::verify(Bundle &bundle, llvm::vfs::FileSystem &files) {
  driver::PipelineOptions options;
  options.fs = &files;
  SourceManager sources;
  diag::Engine diags;
  auto program = driver::checkBundle(bundle.root, options, sources, diags);
  if (!program)
    llvm::consumeError(program.takeError());
  diags.sortAndDeduplicate(sources);
  const std::vector<diag::Diagnostic> &full = diags.diagnostics();

  // 1. The mac diagnostics, one by one.
  for (size_t i = 0; i < std::max(full.size(), bundle.diagnostics.size()); ++i) {
    std::string want = i < full.size() ? describe(sources, full[i]) : "(none)";
    std::string have =
        i < bundle.diagnostics.size() ? describe(*bundle.sources, bundle.diagnostics[i]) : "(none)";
    if (want != have)
      fail(bundle.root, fmt::format("diagnostic {} of {}/{}: full: {}; incremental: {}", i,
                                    full.size(), bundle.diagnostics.size(), want, have));
  }

  // 2. Every document's list, as the client has it once pending lists are sent.
  DiagnosticConverter converter(sources, [this](const std::string &path) { return uriOf(path); });
  std::string fallback = uriOf(bundle.singleFile ? bundle.root : bundle.root + "/bundle.flow");
  std::map<std::string, std::vector<Diagnostic>> expected = converter.byDocument(full, fallback);
  std::set<std::string> uris;
  for (const auto &[uri, list] : expected)
    uris.insert(uri);
  for (const auto &[uri, fingerprint] : bundle.publishedFingerprint)
    uris.insert(uri);
  for (const auto &[uri, fingerprint] : bundle.pending)
    uris.insert(uri);
  for (const std::string &uri : uris) {
    std::vector<Diagnostic> have;
    if (auto pending = bundle.pending.find(uri); pending != bundle.pending.end()) {
      if (pending->second != 0)
        have = bundle.converter->byDocument(bundle.diagnostics, fallback,
                                            [&](const std::string &to) { return to == uri; })[uri];
    } else if (bundle.publishedFingerprint.count(uri)) {
      have = bundle.published[uri];
    }
    const std::vector<Diagnostic> &want = expected[uri];
    for (size_t i = 0; i < std::max(want.size(), have.size()); ++i)
      if (i >= want.size() || i >= have.size() || !(want[i] == have[i]))
        fail(bundle.root,
             fmt::format("{}: entry {} of {}/{}: full: {}; published: {}", uri, i, want.size(),
                         have.size(), i < want.size() ? describe(want[i]) : "(none)",
                         i < have.size() ? describe(have[i]) : "(none)"));
  }
  // 3. A list kept serialised for the next version is the list it stands for.
  for (const auto &[uri, json] : bundle.publishedJson)
    if (json != diagnosticsArrayJson(bundle.published[uri]))
      fail(bundle.root, fmt::format("{}: the serialised list differs from the published one", uri));
  //    So is each earlier list kept for an undo, and its fingerprint is its own.
  for (const auto &[uri, lists] : bundle.earlier)
    for (const SentList &sent : lists) {
      if (sent.json != diagnosticsArrayJson(sent.list))
        fail(bundle.root, fmt::format("{}: an earlier list differs from its JSON", uri));
      if (sent.fingerprint == 0 && !sent.list.empty())
        fail(bundle.root, fmt::format("{}: an earlier non-empty list kept as empty", uri));
    }
  std::fprintf(stderr, "mac lsp: MAC_LSP_VERIFY: %s: %zu diagnostics, %zu documents: same\n",
               bundle.root.c_str(), full.size(), uris.size());
}

} // namespace mac::lsp
