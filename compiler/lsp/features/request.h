// What every language feature does first: read `textDocument.uri` (and
// `position`) from a request, find the open document, the bundle that holds
// it and that file in the bundle's last analysis, and turn the LSP position
// into a byte offset there (through LineIndex: positions.h is the only place
// that converts UTF-16). Also the JSON of locations and the one LSP error
// code mac's features add (RequestFailed).
#pragma once

#include "compiler/base/source_manager.h"
#include "compiler/lsp/diagnostics.h"
#include "compiler/lsp/server.h"

#include <optional>
#include <string>

namespace mac::lsp::features {

/// LSP's RequestFailed: a valid request that cannot be carried out (a rename
/// that is refused, formatting of a file that does not parse).
inline constexpr ErrorCode kRequestFailed = static_cast<ErrorCode>(-32803);

/// An open document and where it stands in its bundle's last analysis.
struct DocumentRequest {
  const Document *document = nullptr;
  /// The document's bundle when it has an analysis with a Program, else null.
  Bundle *bundle = nullptr;
  FileId file;         ///< the document in bundle->sources (invalid when absent)
  Position position;   ///< as sent (position requests only)
  uint32_t offset = 0; ///< byte offset of `position` in the analysed text of `file`
};

/// Reads a request on one document; `withPosition` also reads `position`.
/// Returns an error (-32602) when params are invalid or the document is not open.
std::optional<RpcError> readRequest(Server &server, const Json &params, bool withPosition,
                                    DocumentRequest &out);

/// The file of `sources` read from `realPath`, or an invalid id.
FileId fileOf(const SourceManager &sources, const std::string &realPath);

/// A converter of ranges of `bundle`'s analysis that names files as the
/// client does (open documents keep the URI the client sent).
DiagnosticConverter converterFor(Server &server, const Bundle &bundle);

/// Whether a file of the analysis is a stdlib module (embedded, not on disk).
bool isStdlib(const SourceManager &sources, FileId file);

} // namespace mac::lsp::features
