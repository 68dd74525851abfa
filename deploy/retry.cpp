// Retry decisions and waits (see retry.h).
#include "deploy/retry.h"

#include <algorithm>
#include <cctype>
#include <thread>

namespace mac::deploy {

bool isRetryable(const HttpResponse &response) {
  return !response.answered() || response.status == 429 ||
         (response.status >= 500 && response.status <= 599);
}

std::optional<std::chrono::milliseconds> retryAfter(const HttpResponse &response) {
  auto value = response.header("retry-after");
  if (!value || value->empty() || value->size() > 9 ||
      !std::all_of(value->begin(), value->end(), [](unsigned char c) { return std::isdigit(c); }))
    return std::nullopt;
  return std::chrono::seconds(std::stol(*value));
}

std::optional<std::chrono::milliseconds> waitBefore(int attempt, const HttpResponse &response,
                                                    const RetryPolicy &policy) {
  std::chrono::milliseconds wait = policy.base * (1LL << std::min(attempt - 1, 20));
  if (auto asked = retryAfter(response)) {
    if (*asked > policy.maxWait)
      return std::nullopt;
    wait = std::max(wait, *asked);
  }
  return std::min(wait, policy.maxWait);
}

Sleeper realSleeper() {
  return [](std::chrono::milliseconds wait) { std::this_thread::sleep_for(wait); };
}

} // namespace mac::deploy
