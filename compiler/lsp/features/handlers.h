// The request handlers of the language features, one per file of this
// folder, and the state they share (the symbol index cache). features.cpp
// registers them.
#pragma once

#include "compiler/lsp/features/symbol_index.h"
#include "compiler/lsp/server.h"

namespace mac::lsp::features {

/// What the feature handlers of one server share.
struct FeatureState {
  IndexCache indexes;
};

Reply hover(Server &server, FeatureState &state, const Json &params);         // hover.cpp
Reply definition(Server &server, FeatureState &state, const Json &params);    // definition.cpp
Reply references(Server &server, FeatureState &state, const Json &params);    // references.cpp
Reply prepareRename(Server &server, FeatureState &state, const Json &params); // rename.cpp
Reply rename(Server &server, FeatureState &state, const Json &params);        // rename.cpp
Reply documentSymbol(Server &server, const Json &params); // document_symbols.cpp
Reply completion(Server &server, const Json &params);     // completion.cpp
Reply formatting(Server &server, const Json &params);     // formatting.cpp

} // namespace mac::lsp::features
