// Content-Length framing, the lit-test transport and the reading thread
// (see transport.h). Nothing here throws: JSON is parsed with exceptions off
// and dumped with invalid UTF-8 replaced.
#include "compiler/lsp/transport.h"

#include <llvm/ADT/StringRef.h>

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <istream>
#include <mutex>
#include <ostream>
#include <sstream>
#include <thread>

namespace mac::lsp {
namespace {

constexpr std::string_view kLengthHeader = "Content-Length:";
constexpr uint64_t kMaxBody = 256u << 20;

Incoming errorOf(ErrorCode code, std::string text) {
  Incoming incoming;
  incoming.kind = Incoming::Kind::Error;
  incoming.error = code;
  incoming.errorText = std::move(text);
  return incoming;
}

std::string dump(const Json &json, int indent) {
  return json.dump(indent, ' ', false, Json::error_handler_t::replace);
}

/// Reads one header block; sets `length` when it holds a valid Content-Length.
/// Returns false at the end of input before any header line.
bool readHeaders(std::istream &in, std::optional<uint64_t> &length, bool &malformed) {
  std::string line;
  bool any = false;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r')
      line.pop_back();
    if (line.empty()) {
      if (any)
        return true;
      continue; // blank lines between messages
    }
    any = true;
    // A header glued to garbage (a body longer than announced) still counts.
    size_t at = line.find(kLengthHeader);
    if (at == std::string::npos) {
      malformed = malformed || line.find(':') == std::string::npos;
      continue;
    }
    uint64_t value = 0;
    if (llvm::StringRef(line).substr(at + kLengthHeader.size()).trim().getAsInteger(10, value))
      malformed = true;
    else
      length = value;
  }
  return any;
}

class StreamTransport final : public Transport {
public:
  StreamTransport(std::istream &in, std::ostream &out) : in_(in), out_(out) {}
  Incoming read() override { return readFrame(in_); }
  bool ready() override { return in_.rdbuf()->in_avail() > 0; }
  void send(const Json &message) override {
    out_ << frame(message);
    out_.flush();
  }
  void sendText(const std::string &message) override {
    out_ << frameText(message);
    out_.flush();
  }

private:
  std::istream &in_;
  std::ostream &out_;
};

class LitTransport final : public Transport {
public:
  LitTransport(std::istream &in, std::ostream &out) : out_(out) {
    std::string line, chunk;
    while (std::getline(in, line)) {
      if (llvm::StringRef(line).ltrim().startswith("#"))
        continue;
      if (llvm::StringRef(line).trim().startswith("// -----")) {
        addChunk(chunk);
        continue;
      }
      chunk += line + "\n";
    }
    addChunk(chunk);
  }
  Incoming read() override {
    if (chunks_.empty())
      return Incoming{};
    std::string body = std::move(chunks_.front());
    chunks_.pop_front();
    return parseBody(body);
  }
  bool ready() override { return !chunks_.empty(); }
  void send(const Json &message) override {
    out_ << dump(message, 2) << "\n";
    out_.flush();
  }

private:
  void addChunk(std::string &chunk) {
    if (!llvm::StringRef(chunk).trim().empty())
      chunks_.push_back(chunk);
    chunk.clear();
  }

  std::ostream &out_;
  std::deque<std::string> chunks_;
};

/// The state a reading thread shares with its transport; it outlives the
/// transport when the thread is still blocked on input at exit.
struct ReaderState {
  std::unique_ptr<Transport> inner;
  std::mutex mutex;
  std::condition_variable arrived;
  std::deque<Incoming> queue;
};

class ThreadedTransport final : public Transport {
public:
  explicit ThreadedTransport(std::unique_ptr<Transport> inner)
      : state_(std::make_shared<ReaderState>()) {
    state_->inner = std::move(inner);
    std::thread([state = state_] {
      for (bool more = true; more;) {
        Incoming incoming = state->inner->read();
        more = incoming.kind != Incoming::Kind::End;
        std::lock_guard lock(state->mutex);
        state->queue.push_back(std::move(incoming));
        state->arrived.notify_one();
      }
    }).detach();
  }
  Incoming read() override {
    std::unique_lock lock(state_->mutex);
    state_->arrived.wait(lock, [&] { return !state_->queue.empty(); });
    Incoming incoming = std::move(state_->queue.front());
    if (incoming.kind != Incoming::Kind::End) // the end stays for later reads
      state_->queue.pop_front();
    return incoming;
  }
  bool ready() override {
    std::lock_guard lock(state_->mutex);
    return !state_->queue.empty();
  }
  void send(const Json &message) override { state_->inner->send(message); }
  void sendText(const std::string &message) override { state_->inner->sendText(message); }

private:
  std::shared_ptr<ReaderState> state_;
};

} // namespace

Incoming readFrame(std::istream &in) {
  std::optional<uint64_t> length;
  bool malformed = false;
  if (!readHeaders(in, length, malformed))
    return Incoming{};
  if (!length)
    return errorOf(ErrorCode::ParseError, "malformed header: no valid Content-Length");
  if (*length > kMaxBody) { // skipped unread, so that the next frame is found
    in.ignore(static_cast<std::streamsize>(*length));
    return errorOf(ErrorCode::ParseError, "Content-Length is too large");
  }
  // Read in chunks: the announced length is only allocated as bytes arrive,
  // so a header that promises more than the input holds costs nothing.
  std::string body;
  constexpr uint64_t kChunk = 1u << 20;
  while (body.size() < *length && in) {
    size_t at = body.size();
    body.resize(at + std::min<uint64_t>(kChunk, *length - at));
    in.read(body.data() + at, static_cast<std::streamsize>(body.size() - at));
    body.resize(at + static_cast<size_t>(in.gcount()));
  }
  if (body.size() != *length)
    return errorOf(ErrorCode::ParseError, "the input ended inside a message body");
  if (malformed) // the body is skipped with its header
    return errorOf(ErrorCode::ParseError, "malformed header line");
  return parseBody(body);
}

Incoming parseBody(std::string_view body) {
  Json json = Json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (json.is_discarded())
    return errorOf(ErrorCode::ParseError, "the message body is not valid JSON");
  if (!json.is_object())
    return errorOf(ErrorCode::InvalidRequest, "a JSON-RPC message must be an object");
  Incoming incoming;
  incoming.kind = Incoming::Kind::Message;
  incoming.message = std::move(json);
  return incoming;
}

std::string frame(const Json &message) { return frameText(dump(message, -1)); }

std::string frameText(std::string_view body) {
  return "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + std::string(body);
}

std::unique_ptr<Transport> createStreamTransport(std::istream &in, std::ostream &out) {
  return std::make_unique<StreamTransport>(in, out);
}

std::unique_ptr<Transport> createLitTransport(std::istream &in, std::ostream &out) {
  return std::make_unique<LitTransport>(in, out);
}

std::unique_ptr<Transport> createThreadedTransport(std::unique_ptr<Transport> inner) {
  return std::make_unique<ThreadedTransport>(std::move(inner));
}

} // namespace mac::lsp
