// textDocument/references: every place the name under the cursor is used,
// across the files of its bundle, in file and position order, with its
// declaration first in its file when context.includeDeclaration is true.
// Places inside stdlib modules are left out (no client can open them).
#include "compiler/lsp/features/handlers.h"
#include "compiler/lsp/features/request.h"

namespace mac::lsp::features {

Reply references(Server &server, FeatureState &state, const Json &params) {
  DocumentRequest request;
  if (auto error = readRequest(server, params, true, request))
    return *error;
  bool includeDeclaration = false;
  if (auto context = params.find("context"); context != params.end() && context->is_object())
    if (auto include = context->find("includeDeclaration");
        include != context->end() && include->is_boolean())
      includeDeclaration = include->get<bool>();
  Json locations = Json::array();
  if (!request.bundle)
    return locations;
  const SymbolIndex *index = state.indexes.of(*request.bundle);
  const Occurrence *occurrence = index ? index->at(request.file, request.offset) : nullptr;
  if (!occurrence)
    return locations;
  DiagnosticConverter converter = converterFor(server, *request.bundle);
  for (const Occurrence &each : index->occurrencesOf(occurrence->symbol))
    if ((includeDeclaration || !each.declaration) && converter.onDisk(each.range.file))
      locations.push_back(
          toJson(Location{converter.uri(each.range.file), converter.range(each.range)}));
  return locations;
}

} // namespace mac::lsp::features
