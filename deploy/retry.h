// Retries for `mac deploy`: which answers are worth another attempt (429,
// 5xx, no answer at all) and how long to wait before it — exponential
// backoff from a base, or the platform's `Retry-After` when it asks for
// longer, capped. The waiting itself is injectable so unit tests run in no
// time.
#pragma once

#include "deploy/http.h"

#include <chrono>
#include <functional>
#include <optional>

namespace mac::deploy {

struct RetryPolicy {
  int maxRetries = 4;
  std::chrono::milliseconds base{500};
  std::chrono::milliseconds maxWait{120000};
};

/// True for answers another attempt may fix: no answer, 429, 500–599.
bool isRetryable(const HttpResponse &response);
/// `Retry-After` in seconds (an HTTP date is not used by these platforms
/// and is ignored); nullopt when absent or malformed.
std::optional<std::chrono::milliseconds> retryAfter(const HttpResponse &response);
/// The wait before retry number `attempt` (1-based): base·2^(attempt−1),
/// or Retry-After when longer; nullopt when Retry-After exceeds maxWait
/// (the platform asks for more than a deploy should sit still).
std::optional<std::chrono::milliseconds> waitBefore(int attempt, const HttpResponse &response,
                                                    const RetryPolicy &policy);

using Sleeper = std::function<void(std::chrono::milliseconds)>;
Sleeper realSleeper();

} // namespace mac::deploy
