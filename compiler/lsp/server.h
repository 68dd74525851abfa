// The server: reads messages from a Transport, dispatches each through a
// table of handlers (method name → function) and answers. It owns the
// lifecycle (initialize → … → shutdown → exit), cancellation and robustness:
// a malformed message, an unknown method (-32601), a request before
// initialize (-32002) or after shutdown (-32600), a cancelled request
// (-32800) and an exception thrown by a handler (-32603) each get a JSON-RPC
// error and the server keeps serving.
//
// Analysis is deferred and coalesced: text-sync notifications only mark
// bundles dirty; dirty bundles are analysed before any other message is
// handled, or when no message is waiting. A burst of edits is analysed once,
// against the newest text, so a result for an old version is never published.
// Open documents hear their lists at once; the lists of other files go out
// when no message is waiting (one file at a time, stopping when one arrives)
// or before any message other than a text-sync notification, so a response
// never precedes the diagnostics of the state it answers for.
#pragma once

#include "compiler/lsp/protocol.h"
#include "compiler/lsp/transport.h"
#include "compiler/lsp/workspace.h"

#include <deque>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>

namespace mac::lsp {

class Server;

struct RpcError {
  ErrorCode code;
  std::string message;
};

/// What a request handler answers: a result or an error.
struct Reply {
  Reply(Json result) : result(std::move(result)) {}
  Reply(RpcError error) : error(std::move(error)) {}
  Json result;
  std::optional<RpcError> error;
};

using RequestHandler = std::function<Reply(Server &, const Json &params)>;
using NotificationHandler = std::function<void(Server &, const Json &params)>;

/// The dispatch table. Each handle_*.cpp registers its methods; the language
/// features (hover, definition, …) register theirs from features/.
struct HandlerTable {
  std::map<std::string, RequestHandler, std::less<>> requests;
  std::map<std::string, NotificationHandler, std::less<>> notifications;
};

struct ServerOptions {
  bool litTest = false; ///< also serve `mac/debugThrow` (tests of handler failures)
};

class Server {
public:
  Server(Transport &transport, ServerOptions options);

  /// Serves until `exit` or the end of input; returns the process exit code
  /// (0 after shutdown → exit, 1 otherwise).
  int run();

  Workspace &workspace() { return workspace_; }
  const ServerOptions &options() const { return options_; }
  void notify(const std::string &method, Json params);
  void log(const std::string &message); ///< window/logMessage
  /// Analyses dirty bundles now (handlers that need fresh results call it).
  void analyseDirty();
  /// Publishes the lists analyses left pending (files not open in the
  /// editor) until `stop()` is true.
  void flushPending(const std::function<bool()> &stop);
  /// Sends textDocument/publishDiagnostics.
  void publishDiagnostics(const std::string &uri, std::optional<int64_t> version,
                          const std::vector<Diagnostic> &diagnostics);
  /// Workspace publishing through publishDiagnostics (a serialised list).
  Publisher publisher();

  // Lifecycle, driven by handle_lifecycle.cpp.
  bool initialized() const { return initialized_; }
  void markInitialized() { initialized_ = true; }
  void markShutdown() { shutdown_ = true; }
  void markExit() { exit_ = true; }

private:
  void pullReady();
  void accept(Incoming incoming);
  void handle(const Incoming &incoming);
  void handleRequest(const Json &id, const std::string &method, const Json &params);
  void handleNotification(const std::string &method, const Json &params);
  void respond(const Json &id, const Reply &reply);

  Transport &transport_;
  ServerOptions options_;
  HandlerTable handlers_;
  Workspace workspace_;
  std::deque<Incoming> queue_;
  std::set<std::string> cancelled_; ///< request ids, as JSON text
  bool initialized_ = false, shutdown_ = false, exit_ = false, ended_ = false;
};

void registerLifecycleHandlers(HandlerTable &table);
void registerDocumentHandlers(HandlerTable &table);
void registerCodeActionHandlers(HandlerTable &table);

/// The capabilities initialize announces (features/ adds its own).
Json serverCapabilities();

} // namespace mac::lsp
