// The language features built on the analysed bundle: hover, definition,
// references, rename, document symbols, completion and formatting. Each is a
// function in its own file here, registered in the server's handler table by
// registerFeatureHandlers and announced by addFeatureCapabilities. They read
// Workspace::bundleOf(path): its SourceManager, Program and diagnostics from
// the last analysis (Server::analyseDirty() has run before any request).
#pragma once

#include "compiler/lsp/protocol.h"

namespace mac::lsp {
struct HandlerTable;
} // namespace mac::lsp

namespace mac::lsp::features {

/// Adds every feature's request handlers to `table`.
void registerFeatureHandlers(HandlerTable &table);

/// Adds every feature's server capabilities (e.g. "hoverProvider": true).
void addFeatureCapabilities(Json &capabilities);

} // namespace mac::lsp::features
