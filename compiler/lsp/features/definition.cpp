// textDocument/definition: on a declared name or a use of one, the Location
// of the declaration's name; null elsewhere and for names declared by a
// stdlib module (they are embedded in mac, not files a client can open).
#include "compiler/lsp/features/handlers.h"
#include "compiler/lsp/features/request.h"

namespace mac::lsp::features {

Reply definition(Server &server, FeatureState &state, const Json &params) {
  DocumentRequest request;
  if (auto error = readRequest(server, params, true, request))
    return *error;
  if (!request.bundle)
    return Json(nullptr);
  const SymbolIndex *index = state.indexes.of(*request.bundle);
  const Occurrence *occurrence = index ? index->at(request.file, request.offset) : nullptr;
  if (!occurrence)
    return Json(nullptr);
  const Symbol &symbol = index->symbol(occurrence->symbol);
  DiagnosticConverter converter = converterFor(server, *request.bundle);
  if (!converter.onDisk(symbol.nameRange.file))
    return Json(nullptr);
  return toJson(Location{converter.uri(symbol.nameRange.file), converter.range(symbol.nameRange)});
}

} // namespace mac::lsp::features
