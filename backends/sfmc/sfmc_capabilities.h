// The SFMC backend's declared support for every construct (constructs.def).
#pragma once

#include "backends/capabilities.h"

namespace mac::backend::sfmc {

/// Every construct, declared Native, Approximated or Unsupported with its note.
Capabilities capabilities();

} // namespace mac::backend::sfmc
