#pragma once
// Retry timing for transient VK failures: exponential backoff with full jitter, and a circuit
// breaker that stops calls while VK keeps failing. Both take time as arguments (see vk/clock.hpp).
#include <functional>
#include <mutex>

#include "vk/clock.hpp"

namespace vka::vk {

struct BackoffPolicy {
  Clock::duration base = std::chrono::milliseconds(500);
  Clock::duration cap = std::chrono::seconds(60);
};

// Uniform in [0, min(cap, base · 2^attempt)) for unit_random in [0, 1); attempt counts from 0.
Clock::duration full_jitter_delay(const BackoffPolicy& policy, int attempt, double unit_random);

class Backoff {
 public:
  // `uniform01` returns values in [0, 1); by default a std::mt19937_64 seeded from std::random_device.
  explicit Backoff(BackoffPolicy policy, std::function<double()> uniform01 = {});
  Clock::duration delay(int attempt);

 private:
  BackoffPolicy policy_;
  std::function<double()> uniform01_;
};

struct BreakerOptions {
  int failure_threshold = 5;                                  // consecutive transient failures that open it
  Clock::duration failure_window = std::chrono::seconds(30);  // ... all within this span
  Clock::duration cool_down = std::chrono::seconds(30);       // open → half-open
};

// closed → open after `failure_threshold` consecutive failures within `failure_window`;
// open → half-open after `cool_down`, admitting one probe; the probe's success closes it, its
// failure opens it again. Thread-safe.
class CircuitBreaker {
 public:
  enum class State { closed, open, half_open };

  explicit CircuitBreaker(BreakerOptions options);
  // Whether a call may go out now. In half-open only one probe is admitted until it reports back.
  bool allow(Clock::time_point now);
  void record_success(Clock::time_point now);
  void record_failure(Clock::time_point now);  // transient failures only (vk/errors.hpp retry_backoff)
  State state(Clock::time_point now) const;
  // When an open breaker will admit a probe.
  Clock::time_point reopens_at() const;

 private:
  State state_locked(Clock::time_point now) const;

  BreakerOptions options_;
  mutable std::mutex mutex_;
  bool open_ = false;
  bool probe_in_flight_ = false;
  int streak_ = 0;
  Clock::time_point streak_start_{};
  Clock::time_point opened_at_{};
};

}  // namespace vka::vk
