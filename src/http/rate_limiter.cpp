#include "http/rate_limiter.hpp"

#include <algorithm>
#include <cmath>
#include <string>

namespace vka::http {

namespace {
// Past this many keys, buckets that have filled up again (their key went quiet) are dropped.
constexpr std::size_t forget_above = 10'000;
}  // namespace

ApiError rate_limited(std::string message, const RateDecision& decision) {
  ApiError error{429, "rate_limited", std::move(message)};
  error.headers = {{"Retry-After", std::to_string(decision.retry_after.count())},
                   {"RateLimit-Limit", std::to_string(decision.limit)},
                   {"RateLimit-Remaining", std::to_string(decision.remaining)},
                   {"RateLimit-Reset", std::to_string(decision.reset.count())}};
  return error;
}

RateLimiter::RateLimiter(long limit, std::chrono::seconds window, Clock clock)
    : limit_(std::max(1L, limit)), window_(std::max(std::chrono::seconds{1}, window)), clock_(std::move(clock)) {}

RateLimiter::Bucket& RateLimiter::refilled(std::string_view key, std::chrono::steady_clock::time_point now) {
  auto it = buckets_.find(key);
  if (it == buckets_.end()) {
    if (buckets_.size() >= forget_above) forget_full_buckets(now);
    it = buckets_.emplace(std::string{key}, Bucket{static_cast<double>(limit_), now}).first;
  }
  auto& bucket = it->second;
  const double per_second = static_cast<double>(limit_) / static_cast<double>(window_.count());
  bucket.units = std::min(static_cast<double>(limit_),
                          bucket.units + per_second * std::chrono::duration<double>(now - bucket.at).count());
  bucket.at = now;
  return bucket;
}

RateDecision RateLimiter::decide(const Bucket& bucket, bool allowed) const {
  const double per_second = static_cast<double>(limit_) / static_cast<double>(window_.count());
  const auto seconds_for = [&](double units) {
    return std::chrono::seconds{static_cast<long>(std::ceil(std::max(0.0, units) / per_second))};
  };
  return {.allowed = allowed,
          .limit = limit_,
          .remaining = static_cast<long>(std::floor(bucket.units)),
          .reset = seconds_for(static_cast<double>(limit_) - bucket.units),
          .retry_after =
              allowed ? std::chrono::seconds{0} : std::max(std::chrono::seconds{1}, seconds_for(1 - bucket.units))};
}

RateDecision RateLimiter::take(std::string_view key) {
  std::lock_guard lock{mutex_};
  auto& bucket = refilled(key, clock_());
  const bool allowed = bucket.units >= 1;
  if (allowed) bucket.units -= 1;
  return decide(bucket, allowed);
}

RateDecision RateLimiter::peek(std::string_view key) {
  std::lock_guard lock{mutex_};
  const auto& bucket = refilled(key, clock_());
  return decide(bucket, bucket.units >= 1);
}

void RateLimiter::forget_full_buckets(std::chrono::steady_clock::time_point now) {
  const double per_second = static_cast<double>(limit_) / static_cast<double>(window_.count());
  std::erase_if(buckets_, [&](const auto& entry) {
    const auto& [key, bucket] = entry;
    return bucket.units + per_second * std::chrono::duration<double>(now - bucket.at).count() >= limit_;
  });
}

}  // namespace vka::http
