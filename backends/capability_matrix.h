// The capability matrix (construct × platform), rendered from every
// backend's declared capabilities: `mac targets` prints it as a table,
// `mac targets --markdown` as docs/backends/capabilities.md (a test keeps the
// committed page identical to the declarations).
#pragma once

namespace llvm {
class raw_ostream;
}

namespace mac::backend {

void renderCapabilityTable(llvm::raw_ostream &os);
void renderCapabilityMarkdown(llvm::raw_ostream &os);

} // namespace mac::backend
