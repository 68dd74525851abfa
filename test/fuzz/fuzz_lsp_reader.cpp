// libFuzzer target for the LSP message reader: the input is what a client
// writes on stdin. It is read with lsp::readFrame until the end (every frame
// a message or an error, never a crash or a hang), given whole to
// lsp::parseBody, and read by the `--lit-test` transport; each message read
// is dumped back the way the server writes JSON (invalid UTF-8 replaced).
#include "compiler/lsp/transport.h"

#include <cstdint>
#include <cstdlib>
#include <sstream>
#include <string>

namespace {

void consume(const mac::lsp::Incoming &incoming) {
  using Kind = mac::lsp::Incoming::Kind;
  if (incoming.kind == Kind::Message && !incoming.message.is_object())
    std::abort(); // a Message is always a JSON object
  if (incoming.kind == Kind::Message)
    (void)incoming.message.dump(-1, ' ', false, mac::lsp::Json::error_handler_t::replace);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  using Kind = mac::lsp::Incoming::Kind;
  std::string input(reinterpret_cast<const char *>(data), size);

  std::istringstream framed(input);
  // Each read consumes at least one line, so the loop ends; the bound is a guard.
  for (size_t reads = 0;; ++reads) {
    if (reads > size + 1)
      std::abort();
    mac::lsp::Incoming incoming = mac::lsp::readFrame(framed);
    if (incoming.kind == Kind::End)
      break;
    consume(incoming);
  }

  consume(mac::lsp::parseBody(input));

  std::istringstream lit(input);
  std::ostringstream out;
  std::unique_ptr<mac::lsp::Transport> transport = mac::lsp::createLitTransport(lit, out);
  for (mac::lsp::Incoming incoming = transport->read(); incoming.kind != Kind::End;
       incoming = transport->read())
    consume(incoming);
  return 0;
}
