// The registry of language features (see features.h): each handler lives in
// its own file of this folder (handlers.h lists them); they share one
// FeatureState per server, kept alive by the handler table's closures.
#include "compiler/lsp/features/features.h"

#include "compiler/lsp/features/handlers.h"
#include "compiler/lsp/server.h"

#include <memory>

namespace mac::lsp::features {

void registerFeatureHandlers(HandlerTable &table) {
  auto state = std::make_shared<FeatureState>();
  auto with = [state](Reply (*handler)(Server &, FeatureState &, const Json &)) {
    return [state, handler](Server &server, const Json &params) {
      return handler(server, *state, params);
    };
  };
  table.requests["textDocument/hover"] = with(hover);
  table.requests["textDocument/definition"] = with(definition);
  table.requests["textDocument/references"] = with(references);
  table.requests["textDocument/prepareRename"] = with(prepareRename);
  table.requests["textDocument/rename"] = with(rename);
  table.requests["textDocument/documentSymbol"] = documentSymbol;
  table.requests["textDocument/completion"] = completion;
  table.requests["textDocument/formatting"] = formatting;
}

void addFeatureCapabilities(Json &capabilities) {
  capabilities["hoverProvider"] = true;
  capabilities["definitionProvider"] = true;
  capabilities["referencesProvider"] = true;
  capabilities["renameProvider"] = {{"prepareProvider", true}};
  capabilities["documentSymbolProvider"] = true;
  capabilities["completionProvider"] = {{"triggerCharacters", {"\"", "."}}};
  capabilities["documentFormattingProvider"] = true;
}

} // namespace mac::lsp::features
