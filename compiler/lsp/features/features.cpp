// The registry of language features (none yet: see features.h).
#include "compiler/lsp/features/features.h"

#include "compiler/lsp/server.h"

namespace mac::lsp::features {

void registerFeatureHandlers(HandlerTable &table) {}

void addFeatureCapabilities(Json &capabilities) {}

} // namespace mac::lsp::features
