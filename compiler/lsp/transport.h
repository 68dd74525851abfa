// The JSON-RPC transport: how messages cross the wire, and nothing about
// what they mean. The real one frames each message with a `Content-Length`
// header (LSP base protocol); the lit one reads messages separated by
// `// -----` lines and pretty-prints what it sends, for readable transcripts.
// A malformed header or body is handed up as an error (the server answers it
// with -32700 or -32600) and reading goes on with the next message.
#pragma once

#include "compiler/lsp/protocol.h"

#include <iosfwd>
#include <memory>
#include <string>
#include <string_view>

namespace mac::lsp {

/// What reading produced: a JSON object, a framing/JSON error, or the end.
struct Incoming {
  enum class Kind { Message, Error, End };
  Kind kind = Kind::End;
  Json message;                            ///< Kind::Message: a JSON object
  ErrorCode error = ErrorCode::ParseError; ///< Kind::Error
  std::string errorText;                   ///< Kind::Error
};

class Transport {
public:
  virtual ~Transport() = default;
  /// The next message; blocks until one arrives, or returns Kind::End.
  virtual Incoming read() = 0;
  /// True when read() would return without blocking.
  virtual bool ready() = 0;
  /// Sends one message (a response or a notification).
  virtual void send(const Json &message) = 0;
  /// Sends one message given as compact JSON text (the publishing fast
  /// path); by default it is parsed and sent as a Json.
  virtual void sendText(const std::string &message) { send(Json::parse(message)); }
};

/// Reads one `Content-Length` framed message from `in`. Header lines end in
/// "\r\n" (a bare "\n" is accepted); unknown headers are skipped; a header
/// block without a valid Content-Length is an error, after which reading
/// resynchronises on the next `Content-Length:`.
Incoming readFrame(std::istream &in);

/// Parses one message body: -32700 when it is not JSON, -32600 when it is
/// JSON but not an object.
Incoming parseBody(std::string_view body);

/// `Content-Length: N\r\n\r\n` followed by the compact JSON of `message`.
std::string frame(const Json &message);
/// The same header followed by `body`, which is already JSON text.
std::string frameText(std::string_view body);

/// Content-Length framing over two streams; ready() only when input is buffered.
std::unique_ptr<Transport> createStreamTransport(std::istream &in, std::ostream &out);

/// The `--lit-test` transport: reads all of `in`, drops lines starting with
/// `#`, splits the rest at `// -----` lines and writes pretty-printed JSON.
std::unique_ptr<Transport> createLitTransport(std::istream &in, std::ostream &out);

/// Runs `inner`'s reads on a background thread, so that ready() tells the
/// server whether more messages (say, a $/cancelRequest) already arrived.
std::unique_ptr<Transport> createThreadedTransport(std::unique_ptr<Transport> inner);

} // namespace mac::lsp
