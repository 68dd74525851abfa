// One conversation with a platform's API during `mac deploy`: its base URL,
// the authentication headers, retries with backoff (retry.h), and a log of
// what was sent and answered on stderr, always through the Redactor. An
// answer outside 2xx becomes an llvm::Error that names the call and the
// platform's message (redacted), so the adapters read as straight-line code.
#pragma once

#include "deploy/credentials.h"
#include "deploy/http.h"
#include "deploy/retry.h"

#include <llvm/Support/Error.h>
#include <llvm/Support/raw_ostream.h>
#include <nlohmann/json.hpp>

#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace mac::deploy {

struct SessionOptions {
  std::string baseUrl; ///< no trailing slash
  RetryPolicy retry;
  bool verbose = false; ///< log every call, not only retries and failures
};

class Session {
public:
  Session(HttpClient &client, SessionOptions options, const Redactor &redactor,
          llvm::raw_ostream &log, Sleeper sleeper = realSleeper());

  const std::string &baseUrl() const { return options_.baseUrl; }
  void setBaseUrl(std::string url) { options_.baseUrl = std::move(url); }
  /// Headers sent with every later call (authentication, API revision).
  void setHeaders(std::vector<std::pair<std::string, std::string>> headers);

  /// Called before retrying a call that got no answer at all: the platform
  /// may have acted on it (a create whose answer was lost). Returns the
  /// result to use instead of retrying, or nullopt to retry.
  using Recover = std::function<llvm::Expected<std::optional<nlohmann::json>>()>;

  /// METHOD base+path with an optional JSON body. Retries what retry.h
  /// allows; a 2xx answer's JSON (null for an empty body) or an error.
  llvm::Expected<nlohmann::json> call(const std::string &method, const std::string &path,
                                      const nlohmann::json *body = nullptr,
                                      const Recover &recover = nullptr);
  /// As call, but a 404 is nullopt instead of an error (reads, lookups).
  llvm::Expected<std::optional<nlohmann::json>> read(const std::string &path);
  /// The raw form, for token endpoints that are not under the base URL or
  /// take a form body: same retries, logging (without the body) and errors.
  /// With `notFoundIsAnswer`, a 404 is returned as an answer. Without
  /// `countsAsChange` (token endpoints), a POST is not counted in changes().
  llvm::Expected<HttpResponse> send(HttpRequest request, const std::string &label,
                                    const Recover &recover = nullptr,
                                    std::optional<nlohmann::json> *recovered = nullptr,
                                    bool notFoundIsAnswer = false, bool countsAsChange = true);

  /// The retry policy and the waiting, for adapters that retry answers a
  /// platform marks as rate-limited inside a 200 (Marketo's envelope).
  const RetryPolicy &retryPolicy() const { return options_.retry; }
  void sleep(std::chrono::milliseconds wait) const { sleeper_(wait); }

  /// OAuth client credentials: sends the token request (not counted as a
  /// change), requires an `access_token` in the JSON answer, sends it as
  /// `Authorization: Bearer` from then on, and returns the whole answer.
  llvm::Expected<nlohmann::json> authenticate(HttpRequest request, const std::string &label);

  /// Calls that reached the platform and changed something (not GETs).
  int changes() const { return changes_; }
  /// Takes back the count of the last call: a 2xx answer that changed
  /// nothing (Marketo's `success: false` envelope).
  void retractChange() { changes_ -= changes_ > 0; }
  const Redactor &redactor() const { return redactor_; }

private:
  HttpClient &client_;
  SessionOptions options_;
  const Redactor &redactor_;
  llvm::raw_ostream &log_;
  Sleeper sleeper_;
  std::vector<std::pair<std::string, std::string>> headers_;
  int changes_ = 0;
};

} // namespace mac::deploy
