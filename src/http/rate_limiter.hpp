#pragma once
// Token buckets per key (a credential, a client address): `limit` units per `window`, refilled
// continuously, a full bucket's worth at most. Thread-safe; idle full buckets are forgotten.
#include <chrono>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <string_view>

#include "http/api_error.hpp"

namespace vka::http {

struct RateDecision {
  bool allowed = true;
  long limit = 0;
  long remaining = 0;                   // whole units left after this decision
  std::chrono::seconds reset{0};        // until the bucket is full again
  std::chrono::seconds retry_after{0};  // until the next unit, when refused
};

// 429 rate_limited with Retry-After and RateLimit-Limit, -Remaining and -Reset from `decision`.
ApiError rate_limited(std::string message, const RateDecision& decision);

class RateLimiter {
 public:
  using Clock = std::function<std::chrono::steady_clock::time_point()>;
  RateLimiter(long limit, std::chrono::seconds window, Clock clock = std::chrono::steady_clock::now);

  // Takes one unit when there is one.
  RateDecision take(std::string_view key);
  // What take would decide, without taking.
  RateDecision peek(std::string_view key);

 private:
  struct Bucket {
    double units;
    std::chrono::steady_clock::time_point at;
  };
  Bucket& refilled(std::string_view key, std::chrono::steady_clock::time_point now);
  RateDecision decide(const Bucket& bucket, bool allowed) const;
  void forget_full_buckets(std::chrono::steady_clock::time_point now);

  long limit_;
  std::chrono::seconds window_;
  Clock clock_;
  std::mutex mutex_;
  std::map<std::string, Bucket, std::less<>> buckets_;
};

}  // namespace vka::http
