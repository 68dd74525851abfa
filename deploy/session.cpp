// Calls with retries, logging and errors (see session.h).
#include "deploy/session.h"

#include <fmt/format.h>

namespace mac::deploy {

using nlohmann::json;

Session::Session(HttpClient &client, SessionOptions options, const Redactor &redactor,
                 llvm::raw_ostream &log, Sleeper sleeper)
    : client_(client), options_(std::move(options)), redactor_(redactor), log_(log),
      sleeper_(std::move(sleeper)) {}

void Session::setHeaders(std::vector<std::pair<std::string, std::string>> headers) {
  headers_ = std::move(headers);
}

namespace {

/// The platform's own words from an error answer, shortened.
std::string errorText(const HttpResponse &response) {
  std::string text = response.body;
  json parsed = json::parse(text, nullptr, false);
  if (!parsed.is_discarded())
    text = parsed.dump();
  if (text.size() > 400)
    text = text.substr(0, 400) + "…";
  return text;
}

std::string seconds(std::chrono::milliseconds wait) {
  return fmt::format("{:.1f} s", static_cast<double>(wait.count()) / 1000.0);
}

} // namespace

llvm::Expected<HttpResponse> Session::send(HttpRequest request, const std::string &label,
                                           const Recover &recover, std::optional<json> *recovered,
                                           bool notFoundIsAnswer, bool countsAsChange) {
  for (int attempt = 0;; ++attempt) {
    HttpResponse response = client_.send(request);
    std::string outcome = response.answered() ? std::to_string(response.status)
                                              : "no answer (" + response.transportError + ")";
    bool success = response.answered() && response.status >= 200 && response.status < 300;
    bool notFound = notFoundIsAnswer && response.answered() && response.status == 404;
    if (options_.verbose || !(success || notFound))
      log_ << redactor_(fmt::format("mac: {} -> {}\n", label, outcome));
    if (notFound)
      return response;
    if (success) {
      if (request.method != "GET" && countsAsChange)
        ++changes_;
      return response;
    }
    if (!isRetryable(response))
      return llvm::createStringError(
          std::errc::protocol_error, "%s",
          redactor_(fmt::format("{} failed: {} {}", label, response.status, errorText(response)))
              .c_str());
    if (!response.answered() && recover && recovered) {
      auto found = recover();
      if (!found)
        return found.takeError();
      if (*found) {
        log_ << redactor_(
            fmt::format("mac: {}: the platform already holds it; not sent again\n", label));
        *recovered = std::move(*found);
        ++changes_;
        return HttpResponse{};
      }
    }
    if (attempt >= options_.retry.maxRetries)
      return llvm::createStringError(
          std::errc::protocol_error, "%s",
          redactor_(fmt::format("{} failed after {} retries: {}", label, attempt,
                                response.answered()
                                    ? std::to_string(response.status) + " " + errorText(response)
                                    : response.transportError))
              .c_str());
    auto wait = waitBefore(attempt + 1, response, options_.retry);
    if (!wait)
      return llvm::createStringError(
          std::errc::protocol_error, "%s",
          redactor_(fmt::format("{}: the platform asks to wait {} s (Retry-After), longer than "
                                "the {} a deploy waits",
                                label, response.header("retry-after").value_or("?"),
                                seconds(options_.retry.maxWait)))
              .c_str());
    log_ << fmt::format("mac: retrying in {}{} (retry {} of {})\n", seconds(*wait),
                        retryAfter(response) ? " (Retry-After)" : "", attempt + 1,
                        options_.retry.maxRetries);
    sleeper_(*wait);
  }
}

llvm::Expected<json> Session::call(const std::string &method, const std::string &path,
                                   const json *body, const Recover &recover) {
  HttpRequest request{method, options_.baseUrl + path, headers_, ""};
  if (body) {
    request.body = body->dump();
    request.headers.emplace_back("Content-Type", "application/json");
  }
  request.headers.emplace_back("Accept", "application/json");
  std::optional<json> recovered;
  auto response = send(std::move(request), method + " " + path, recover, &recovered);
  if (!response)
    return response.takeError();
  if (recovered)
    return std::move(*recovered);
  if (response->body.empty())
    return json();
  json parsed = json::parse(response->body, nullptr, false);
  if (parsed.is_discarded())
    return llvm::createStringError(std::errc::protocol_error, "%s %s: the answer is not JSON",
                                   method.c_str(), path.c_str());
  return parsed;
}

llvm::Expected<json> Session::authenticate(HttpRequest request, const std::string &label) {
  auto response = send(std::move(request), label, nullptr, nullptr, false, false);
  if (!response)
    return response.takeError();
  json answer = json::parse(response->body, nullptr, false);
  std::string token = answer.is_object() ? answer.value("access_token", "") : "";
  if (token.empty())
    return llvm::createStringError(std::errc::protocol_error, "%s: the answer has no access_token",
                                   label.c_str());
  setHeaders({{"Authorization", "Bearer " + token}});
  return answer;
}

llvm::Expected<std::optional<json>> Session::read(const std::string &path) {
  HttpRequest request{"GET", options_.baseUrl + path, headers_, ""};
  request.headers.emplace_back("Accept", "application/json");
  auto response = send(std::move(request), "GET " + path, nullptr, nullptr, true);
  if (!response)
    return response.takeError();
  if (response->status == 404)
    return std::optional<json>();
  json parsed = json::parse(response->body, nullptr, false);
  if (parsed.is_discarded())
    return llvm::createStringError(std::errc::protocol_error, "GET %s: the answer is not JSON",
                                   path.c_str());
  return std::optional<json>(std::move(parsed));
}

} // namespace mac::deploy
