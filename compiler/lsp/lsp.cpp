// `mac lsp`: wires stdin/stdout to a transport and runs the server.
#include "compiler/lsp/lsp.h"

#include "compiler/lsp/server.h"
#include "compiler/lsp/transport.h"

#include <iostream>

namespace mac::lsp {

int runLanguageServer(bool litTest) {
  std::ios::sync_with_stdio(false);
  // The reading thread blocks on std::cin; tied to std::cout, each read would
  // flush std::cout from that thread while the server writes to it (a data
  // race that sent some messages twice).
  std::cin.tie(nullptr);
  std::unique_ptr<Transport> transport =
      litTest ? createLitTransport(std::cin, std::cout)
              : createThreadedTransport(createStreamTransport(std::cin, std::cout));
  Server server(*transport, ServerOptions{litTest});
  int code = server.run();
  std::cout.flush();
  return code;
}

} // namespace mac::lsp
