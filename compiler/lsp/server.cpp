// The message loop and dispatch (see server.h).
#include "compiler/lsp/server.h"

#include "compiler/lsp/features/features.h"

#include <exception>

namespace mac::lsp {
namespace {

bool isTextSync(const Incoming &incoming) {
  if (incoming.kind != Incoming::Kind::Message)
    return false;
  auto method = incoming.message.find("method");
  if (method == incoming.message.end() || !method->is_string() || incoming.message.contains("id"))
    return false;
  const std::string &name = method->get_ref<const std::string &>();
  return name == "textDocument/didOpen" || name == "textDocument/didChange" ||
         name == "textDocument/didClose" || name == "textDocument/didSave";
}

/// `json[key]` when it is a string, else "" (nlohmann's value() would throw).
std::string stringMember(const Json &json, const char *key) {
  auto it = json.find(key);
  return it != json.end() && it->is_string() ? it->get<std::string>() : std::string();
}

} // namespace

Server::Server(Transport &transport, ServerOptions options)
    : transport_(transport), options_(options) {
  registerLifecycleHandlers(handlers_);
  registerDocumentHandlers(handlers_);
  registerCodeActionHandlers(handlers_);
  features::registerFeatureHandlers(handlers_);
}

int Server::run() {
  while (!exit_) {
    pullReady();
    if (queue_.empty()) {
      if (workspace_.hasDirty()) {
        analyseDirty();
        continue;
      }
      if (workspace_.hasPending()) {
        flushPending([this] { return !ended_ && transport_.ready(); });
        continue;
      }
      if (ended_)
        break;
      accept(transport_.read());
      continue;
    }
    Incoming next = std::move(queue_.front());
    queue_.pop_front();
    if (!isTextSync(next)) {
      analyseDirty();
      flushPending([] { return false; });
    }
    handle(next);
  }
  return exit_ && shutdown_ ? 0 : 1;
}

void Server::pullReady() {
  while (!ended_ && transport_.ready())
    accept(transport_.read());
}

/// Queues a message; a $/cancelRequest takes effect at once, so a request
/// still waiting in the queue is answered -32800 instead of being run.
void Server::accept(Incoming incoming) {
  if (incoming.kind == Incoming::Kind::End) {
    ended_ = true;
    return;
  }
  const Json &message = incoming.message;
  if (incoming.kind == Incoming::Kind::Message &&
      stringMember(message, "method") == "$/cancelRequest" && !message.contains("id")) {
    if (auto params = message.find("params"); params != message.end() && params->is_object())
      if (auto id = params->find("id"); id != params->end())
        cancelled_.insert(id->dump());
    return;
  }
  queue_.push_back(std::move(incoming));
}

void Server::handle(const Incoming &incoming) {
  if (incoming.kind == Incoming::Kind::Error) {
    respond(nullptr, RpcError{incoming.error, incoming.errorText});
    return;
  }
  const Json &message = incoming.message;
  auto id = message.find("id");
  bool hasId = id != message.end();
  if (hasId && !id->is_number_integer() && !id->is_string()) {
    respond(nullptr, RpcError{ErrorCode::InvalidRequest, "`id` must be a number or a string"});
    return;
  }
  auto method = message.find("method");
  if (method == message.end()) {
    if (!hasId || !(message.contains("result") || message.contains("error")))
      respond(hasId ? *id : Json(nullptr), RpcError{ErrorCode::InvalidRequest, "no `method`"});
    return; // a response to a request of ours: we send none, so nothing to do
  }
  if (!method->is_string() || stringMember(message, "jsonrpc") != "2.0") {
    if (hasId || !method->is_string())
      respond(hasId ? *id : Json(nullptr),
              RpcError{ErrorCode::InvalidRequest, "not a JSON-RPC 2.0 message"});
    return;
  }
  auto found = message.find("params");
  Json params = found != message.end() ? *found : Json::object();
  if (hasId)
    handleRequest(*id, method->get<std::string>(), params);
  else
    handleNotification(method->get<std::string>(), params);
}

void Server::handleRequest(const Json &id, const std::string &method, const Json &params) {
  if (cancelled_.erase(id.dump())) {
    respond(id, RpcError{ErrorCode::RequestCancelled, "the request was cancelled"});
    return;
  }
  if (!initialized_ && method != "initialize") {
    respond(id, RpcError{ErrorCode::ServerNotInitialized, "the server is not initialized"});
    return;
  }
  if (shutdown_) {
    respond(id, RpcError{ErrorCode::InvalidRequest, "the server is shutting down"});
    return;
  }
  auto handler = handlers_.requests.find(method);
  if (handler == handlers_.requests.end()) {
    respond(id, RpcError{ErrorCode::MethodNotFound, "method not found: " + method});
    return;
  }
  try {
    respond(id, handler->second(*this, params));
  } catch (const std::exception &error) {
    respond(id, RpcError{ErrorCode::InternalError, method + " failed: " + error.what()});
  } catch (...) {
    respond(id, RpcError{ErrorCode::InternalError, method + " failed"});
  }
}

void Server::handleNotification(const std::string &method, const Json &params) {
  if (!initialized_ && method != "exit")
    return; // the protocol drops notifications before initialize
  auto handler = handlers_.notifications.find(method);
  if (handler == handlers_.notifications.end())
    return; // unknown notifications (and every `$/` one) are ignored
  try {
    handler->second(*this, params);
  } catch (const std::exception &error) {
    log(method + " failed: " + error.what());
  } catch (...) {
    log(method + " failed");
  }
}

void Server::respond(const Json &id, const Reply &reply) {
  Json message{{"jsonrpc", "2.0"}, {"id", id}};
  if (reply.error)
    message["error"] = {{"code", static_cast<int>(reply.error->code)},
                        {"message", reply.error->message}};
  else
    message["result"] = reply.result;
  transport_.send(message);
}

void Server::notify(const std::string &method, Json params) {
  transport_.send(Json{{"jsonrpc", "2.0"}, {"method", method}, {"params", std::move(params)}});
}

void Server::log(const std::string &message) {
  notify("window/logMessage", Json{{"type", 3}, {"message", message}});
}

void Server::publishDiagnostics(const std::string &uri, std::optional<int64_t> version,
                                const std::vector<Diagnostic> &diagnostics) {
  transport_.sendText(publishDiagnosticsMessage(uri, version, diagnostics));
}

Publisher Server::publisher() {
  return [this](const std::string &uri, std::optional<int64_t> version,
                const std::string &diagnosticsArray) {
    transport_.sendText(publishDiagnosticsMessage(uri, version, diagnosticsArray));
  };
}

void Server::flushPending(const std::function<bool()> &stop) {
  workspace_.flushPending(publisher(), stop);
}

void Server::analyseDirty() {
  if (!workspace_.hasDirty())
    return;
  workspace_.analyseDirty(publisher(), [this](const std::string &message) { log(message); });
}

} // namespace mac::lsp
