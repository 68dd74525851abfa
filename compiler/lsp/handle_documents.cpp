// Text synchronisation: didOpen, didChange (incremental), didClose, didSave,
// and workspace/didChangeWatchedFiles. Each updates the open buffers and
// marks the bundles that hold the file dirty; the server analyses them
// before it handles the next message that is not one of these.
#include "compiler/lsp/server.h"
#include "compiler/lsp/uri.h"

namespace mac::lsp {
namespace {

void didOpen(Server &server, const Json &params) {
  TextDocumentItem item;
  auto document = params.find("textDocument");
  if (document == params.end() || !fromJson(*document, item))
    return server.log("didOpen: invalid params");
  Document *opened = server.workspace().documents().open(item);
  if (!opened)
    return server.log("didOpen: not a file URI: " + item.uri);
  server.workspace().touch(opened->path);
}

void didChange(Server &server, const Json &params) {
  DidChangeTextDocumentParams change;
  if (!fromJson(params, change))
    return server.log("didChange: invalid params");
  Document *document = server.workspace().documents().find(change.textDocument.uri);
  if (!document)
    return server.log("didChange: the document is not open: " + change.textDocument.uri);
  for (const TextDocumentContentChangeEvent &event : change.contentChanges)
    applyChange(document->text, event);
  document->version = change.textDocument.version;
  server.workspace().touch(document->path);
}

void didClose(Server &server, const Json &params) {
  std::optional<std::string> uri = documentUri(params);
  Document *document = uri ? server.workspace().documents().find(*uri) : nullptr;
  if (!document)
    return server.log("didClose: the document is not open");
  std::string path = document->path;
  server.workspace().documents().close(*uri);
  server.workspace().closed(path, *uri, server.publisher());
}

void didSave(Server &server, const Json &params) {
  std::optional<std::string> uri = documentUri(params);
  std::optional<std::string> path = uri ? uriToPath(*uri) : std::nullopt;
  if (path)
    server.workspace().touch(canonicalPath(*path));
}

/// Files changed on disk (another editor, git): their bundles are re-read.
void didChangeWatchedFiles(Server &server, const Json &params) {
  auto changes = params.find("changes");
  if (changes == params.end() || !changes->is_array())
    return;
  for (const Json &change : *changes) {
    auto uri = change.is_object() ? change.find("uri") : change.end();
    if (uri == change.end() || !uri->is_string())
      continue;
    if (std::optional<std::string> path = uriToPath(uri->get<std::string>()))
      server.workspace().touch(canonicalPath(*path));
  }
}

} // namespace

void registerDocumentHandlers(HandlerTable &table) {
  table.notifications["textDocument/didOpen"] = didOpen;
  table.notifications["textDocument/didChange"] = didChange;
  table.notifications["textDocument/didClose"] = didClose;
  table.notifications["textDocument/didSave"] = didSave;
  table.notifications["workspace/didChangeWatchedFiles"] = didChangeWatchedFiles;
}

} // namespace mac::lsp
