// initialize, initialized, shutdown and exit: the server's lifecycle, and the
// capabilities it announces. Also `mac/debugThrow`, served only under
// --lit-test, whose handler throws (to test that the server survives it).
#include "compiler/driver/version.h"
#include "compiler/lsp/features/features.h"
#include "compiler/lsp/server.h"
#include "compiler/lsp/uri.h"

#include <stdexcept>

namespace mac::lsp {
namespace {

Reply initialize(Server &server, const Json &params) {
  if (server.initialized())
    return RpcError{ErrorCode::InvalidRequest, "initialize was already called"};
  InitializeParams init;
  if (!fromJson(params, init))
    return RpcError{ErrorCode::InvalidParams, "initialize takes an object"};
  std::vector<std::string> folders = init.folderPaths;
  for (const std::string &uri : init.folderUris)
    if (std::optional<std::string> path = uriToPath(uri))
      folders.push_back(*path);
  server.workspace().addFolders(folders);
  server.markInitialized();
  return Json{{"capabilities", serverCapabilities()},
              {"serverInfo", {{"name", "mac"}, {"version", driver::kVersion}}}};
}

Reply shutdown(Server &server, const Json &) {
  server.markShutdown();
  return Json(nullptr);
}

Reply debugThrow(Server &server, const Json &) {
  if (!server.options().litTest)
    return RpcError{ErrorCode::MethodNotFound, "method not found: mac/debugThrow"};
  throw std::runtime_error("mac/debugThrow threw, as asked");
}

} // namespace

Json serverCapabilities() {
  Json capabilities{
      {"positionEncoding", "utf-16"},
      {"textDocumentSync",
       {{"openClose", true}, {"change", 2 /* incremental */}, {"save", {{"includeText", false}}}}},
      {"codeActionProvider", {{"codeActionKinds", {"quickfix"}}}},
  };
  features::addFeatureCapabilities(capabilities);
  return capabilities;
}

void registerLifecycleHandlers(HandlerTable &table) {
  table.requests["initialize"] = initialize;
  table.requests["shutdown"] = shutdown;
  table.requests["mac/debugThrow"] = debugThrow;
  table.notifications["initialized"] = [](Server &, const Json &) {};
  table.notifications["exit"] = [](Server &server, const Json &) { server.markExit(); };
}

} // namespace mac::lsp
