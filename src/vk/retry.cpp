#include "vk/retry.hpp"

#include <algorithm>
#include <random>

namespace vka::vk {

Clock::duration full_jitter_delay(const BackoffPolicy& policy, int attempt, double unit_random) {
  Clock::duration ceiling = policy.base;
  for (int i = 0; i < attempt && ceiling < policy.cap; ++i) ceiling *= 2;
  ceiling = std::min(ceiling, policy.cap);
  const double fraction = std::clamp(unit_random, 0.0, 1.0);
  return std::chrono::duration_cast<Clock::duration>(
      std::chrono::duration<double, Clock::duration::period>(static_cast<double>(ceiling.count()) * fraction));
}

Backoff::Backoff(BackoffPolicy policy, std::function<double()> uniform01)
    : policy_(policy), uniform01_(std::move(uniform01)) {
  if (!uniform01_) {
    uniform01_ = [engine = std::mt19937_64(std::random_device{}())]() mutable {
      return std::uniform_real_distribution<double>(0.0, 1.0)(engine);
    };
  }
}

Clock::duration Backoff::delay(int attempt) { return full_jitter_delay(policy_, attempt, uniform01_()); }

CircuitBreaker::CircuitBreaker(BreakerOptions options) : options_(options) {}

CircuitBreaker::State CircuitBreaker::state_locked(Clock::time_point now) const {
  if (!open_) return State::closed;
  return now - opened_at_ >= options_.cool_down ? State::half_open : State::open;
}

CircuitBreaker::State CircuitBreaker::state(Clock::time_point now) const {
  std::lock_guard guard(mutex_);
  return state_locked(now);
}

bool CircuitBreaker::allow(Clock::time_point now) {
  std::lock_guard guard(mutex_);
  switch (state_locked(now)) {
    case State::closed: return true;
    case State::open: return false;
    case State::half_open:
      if (probe_in_flight_) return false;
      probe_in_flight_ = true;
      return true;
  }
  return false;
}

void CircuitBreaker::record_success(Clock::time_point) {
  std::lock_guard guard(mutex_);
  open_ = false;
  probe_in_flight_ = false;
  streak_ = 0;
}

void CircuitBreaker::record_failure(Clock::time_point now) {
  std::lock_guard guard(mutex_);
  if (open_) {
    // A failed probe (or a late failure from before opening) restarts the cool-down.
    opened_at_ = now;
    probe_in_flight_ = false;
    return;
  }
  if (streak_ == 0 || now - streak_start_ > options_.failure_window) {
    streak_ = 0;
    streak_start_ = now;
  }
  if (++streak_ >= options_.failure_threshold) {
    open_ = true;
    opened_at_ = now;
    streak_ = 0;
  }
}

Clock::time_point CircuitBreaker::reopens_at() const {
  std::lock_guard guard(mutex_);
  return opened_at_ + options_.cool_down;
}

}  // namespace vka::vk
