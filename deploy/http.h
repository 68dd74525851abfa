// HTTP for `mac deploy`: one request and its answer, behind an interface so
// the platform adapters never see libcurl and unit tests can answer in
// memory. The real client (CurlHttpClient) always verifies TLS peers and
// host names, sends no credential anywhere but the headers it is given, and
// turns every transport failure (refused, reset, timeout) into
// HttpResponse::transportError instead of an exception.
#pragma once

#include <chrono>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace mac::deploy {

struct HttpRequest {
  std::string method; ///< GET, POST, PUT, PATCH, DELETE
  std::string url;    ///< absolute
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body; ///< sent when not empty (or when the method is POST/PUT/PATCH)
};

struct HttpResponse {
  long status = 0;                            ///< 0 when no answer arrived
  std::string transportError;                 ///< non-empty: no answer (refused, reset, timeout)
  std::map<std::string, std::string> headers; ///< names lower-cased
  std::string body;
  bool answered() const { return transportError.empty(); }
  std::optional<std::string> header(const std::string &lowerName) const;
};

class HttpClient {
public:
  virtual ~HttpClient();
  virtual HttpResponse send(const HttpRequest &request) = 0;
};

/// libcurl, one easy handle reused for every request (keep-alive). TLS
/// verification is on and cannot be switched off; `timeout` bounds each
/// request from connect to the last byte.
std::unique_ptr<HttpClient> makeCurlHttpClient(std::chrono::milliseconds timeout);

/// `?a=b&c=d` with each value percent-encoded (RFC 3986 unreserved kept).
std::string queryString(const std::vector<std::pair<std::string, std::string>> &params);
/// Percent-encodes one path segment or query value.
std::string percentEncode(const std::string &text);

} // namespace mac::deploy
