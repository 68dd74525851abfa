// The fix shared by the consent checks: wrap a send in `if consent C { }`.
#pragma once

#include "compiler/diag/diagnostic.h"
#include "compiler/sema/program.h"

namespace mac::analyzer {

/// A fix that wraps statement `send` in `if consent CHANNEL { ... }`.
diag::Fix wrapInConsentCheck(const sema::Stmt &send, sema::Channel channel);

} // namespace mac::analyzer
