#pragma once
// At most `limit` requests in flight per key; a slot is held by the returned handle.
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>

namespace vka::http {

class ConcurrencyLimiter {
 public:
  explicit ConcurrencyLimiter(int limit) : limit_(limit) {}

  using Slot = std::shared_ptr<void>;
  // Null when `key` already holds `limit` slots. The limiter must outlive its slots.
  Slot try_acquire(std::string_view key);
  int limit() const { return limit_; }

 private:
  void release(const std::string& key);

  int limit_;
  std::mutex mutex_;
  std::map<std::string, int, std::less<>> in_flight_;
};

}  // namespace vka::http
