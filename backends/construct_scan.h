// Which constructs of the language each flow uses in one environment, and
// where: the input of MAC7001/MAC7002. Scans what the environment would
// really run (the flow plan: flags folded, dead branches gone), the flow's
// triggers and settings, the policies in force and the environment's own
// settings. The same scan serves every backend; each backend only declares
// its capabilities.
#pragma once

#include "backends/backend.h"

#include <functional>

namespace mac::backend {

/// Calls `visit` once per (construct, place) that `flow` uses in the context's environment.
void scanConstructs(BuildContext &ctx, sema::FlowId flow,
                    const std::function<void(Construct, SourceRange)> &visit);

/// Reports MAC7001 for every use of a construct `backend` does not support
/// and MAC7002 for every use it approximates. Returns the MAC7001 count.
size_t reportCapabilities(BuildContext &ctx, const Backend &backend);

} // namespace mac::backend
