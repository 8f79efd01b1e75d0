#pragma once
// When a webhook delivery that failed (a non-2xx answer or a network error) is tried again: exponential
// backoff from one second, four times longer each time, capped at 30 minutes; the eighth failed attempt is
// the last. The attempts then span about 53 minutes (1 s, 4 s, 16 s, 64 s, 256 s, 1024 s, 1800 s).
#include <chrono>
#include <optional>

namespace vka::domain {

inline constexpr int webhook_max_attempts = 8;

// The wait before the next attempt after attempt `failed_attempt` (from 1) failed; nullopt when that was the
// last attempt and the delivery has failed for good.
std::optional<std::chrono::seconds> webhook_retry_delay(int failed_attempt);

}  // namespace vka::domain
