#include "http/concurrency_limiter.hpp"

namespace vka::http {

ConcurrencyLimiter::Slot ConcurrencyLimiter::try_acquire(std::string_view key) {
  std::lock_guard lock{mutex_};
  auto& count = in_flight_[std::string{key}];
  if (count >= limit_) return nullptr;
  ++count;
  return Slot{static_cast<void*>(this), [this, owner = std::string{key}](void*) { release(owner); }};
}

void ConcurrencyLimiter::release(const std::string& key) {
  std::lock_guard lock{mutex_};
  const auto it = in_flight_.find(key);
  if (it != in_flight_.end() && --it->second <= 0) in_flight_.erase(it);
}

}  // namespace vka::http
