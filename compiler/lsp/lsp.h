// `mac lsp`: the language server's entry point, called by the driver.
#pragma once

namespace mac::lsp {

/// Serves LSP over stdin/stdout until `exit` or the end of input. With
/// `litTest`, messages are read separated by `// -----` lines and written
/// pretty-printed (for lit transcripts). Returns the exit code.
int runLanguageServer(bool litTest);

} // namespace mac::lsp
