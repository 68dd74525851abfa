// The libcurl HttpClient (see http.h).
#include "deploy/http.h"

#include <curl/curl.h>

#include <algorithm>
#include <cctype>
#include <mutex>

namespace mac::deploy {

HttpClient::~HttpClient() = default;

std::optional<std::string> HttpResponse::header(const std::string &lowerName) const {
  auto found = headers.find(lowerName);
  if (found == headers.end())
    return std::nullopt;
  return found->second;
}

namespace {

size_t appendBody(char *data, size_t size, size_t count, void *user) {
  static_cast<std::string *>(user)->append(data, size * count);
  return size * count;
}

size_t collectHeader(char *data, size_t size, size_t count, void *user) {
  std::string line(data, size * count);
  auto colon = line.find(':');
  if (colon != std::string::npos) {
    std::string name = line.substr(0, colon);
    std::transform(name.begin(), name.end(), name.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    std::string value = line.substr(colon + 1);
    auto first = value.find_first_not_of(" \t");
    auto last = value.find_last_not_of(" \t\r\n");
    value = first == std::string::npos ? "" : value.substr(first, last - first + 1);
    (*static_cast<std::map<std::string, std::string> *>(user))[name] = value;
  }
  return size * count;
}

class CurlHttpClient final : public HttpClient {
public:
  explicit CurlHttpClient(std::chrono::milliseconds timeout) : timeout_(timeout) {
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
    handle_ = curl_easy_init();
  }
  ~CurlHttpClient() override { curl_easy_cleanup(handle_); }

  HttpResponse send(const HttpRequest &request) override {
    HttpResponse response;
    if (!handle_) {
      response.transportError = "libcurl could not start";
      return response;
    }
    curl_easy_reset(handle_);
    curl_easy_setopt(handle_, CURLOPT_URL, request.url.c_str());
    curl_easy_setopt(handle_, CURLOPT_CUSTOMREQUEST, request.method.c_str());
    curl_easy_setopt(handle_, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(handle_, CURLOPT_SSL_VERIFYHOST, 2L);
    curl_easy_setopt(handle_, CURLOPT_PROTOCOLS, CURLPROTO_HTTP | CURLPROTO_HTTPS);
    curl_easy_setopt(handle_, CURLOPT_FOLLOWLOCATION, 0L);
    curl_easy_setopt(handle_, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(handle_, CURLOPT_TIMEOUT_MS, static_cast<long>(timeout_.count()));
    curl_easy_setopt(handle_, CURLOPT_CONNECTTIMEOUT_MS,
                     static_cast<long>(std::min<long long>(timeout_.count(), 10000)));
    curl_easy_setopt(handle_, CURLOPT_USERAGENT, "mac-deploy");
    if (request.method == "HEAD")
      curl_easy_setopt(handle_, CURLOPT_NOBODY, 1L);
    bool sendsBody = !request.body.empty() || request.method == "POST" || request.method == "PUT" ||
                     request.method == "PATCH";
    if (sendsBody) {
      curl_easy_setopt(handle_, CURLOPT_POSTFIELDS, request.body.data());
      curl_easy_setopt(handle_, CURLOPT_POSTFIELDSIZE_LARGE,
                       static_cast<curl_off_t>(request.body.size()));
    }
    curl_slist *headers = nullptr;
    for (const auto &[name, value] : request.headers)
      headers = curl_slist_append(headers, (name + ": " + value).c_str());
    headers = curl_slist_append(headers, "Expect:"); // no 100-continue round trip
    curl_easy_setopt(handle_, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(handle_, CURLOPT_WRITEFUNCTION, appendBody);
    curl_easy_setopt(handle_, CURLOPT_WRITEDATA, &response.body);
    curl_easy_setopt(handle_, CURLOPT_HEADERFUNCTION, collectHeader);
    curl_easy_setopt(handle_, CURLOPT_HEADERDATA, &response.headers);
    CURLcode code = curl_easy_perform(handle_);
    curl_slist_free_all(headers);
    if (code != CURLE_OK) {
      response.transportError = curl_easy_strerror(code);
      response.status = 0;
      return response;
    }
    curl_easy_getinfo(handle_, CURLINFO_RESPONSE_CODE, &response.status);
    return response;
  }

private:
  std::chrono::milliseconds timeout_;
  CURL *handle_ = nullptr;
};

} // namespace

std::unique_ptr<HttpClient> makeCurlHttpClient(std::chrono::milliseconds timeout) {
  return std::make_unique<CurlHttpClient>(timeout);
}

std::string percentEncode(const std::string &text) {
  static const char *hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

std::string queryString(const std::vector<std::pair<std::string, std::string>> &params) {
  std::string out;
  for (const auto &[name, value] : params) {
    out += out.empty() ? '?' : '&';
    out += percentEncode(name) + "=" + percentEncode(value);
  }
  return out;
}

} // namespace mac::deploy
