// Human documentation generated from the rule registry: the `mac rules`
// table, the `mac explain` page of one rule, and docs/diagnostics.md. Nothing
// here is written by hand per rule; edit diagnostics.def instead.
#pragma once

#include "compiler/diag/diagnostic.h"

namespace llvm {
class raw_ostream;
} // namespace llvm

namespace mac::diag {

/// `mac rules`: one rule per line in registry order, columns aligned:
/// code, name, default severity, category, summary.
void renderRuleList(llvm::raw_ostream &out);

/// `mac explain CODE`: `MAC3001 consent-missing (error, compliance)`, the
/// summary, a blank line and the explanation with its examples.
void renderExplanation(Code code, llvm::raw_ostream &out);

/// `mac rules --markdown`: the complete docs/diagnostics.md.
void renderDiagnosticsMarkdown(llvm::raw_ostream &out);

} // namespace mac::diag
