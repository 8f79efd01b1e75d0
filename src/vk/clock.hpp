#pragma once
// Time for the pacer, backoff and breaker, behind an interface so tests run on virtual time.
#include <chrono>
#include <condition_variable>
#include <mutex>

namespace vka::vk {

class Clock {
 public:
  using time_point = std::chrono::steady_clock::time_point;
  using duration = std::chrono::steady_clock::duration;

  virtual ~Clock() = default;
  virtual time_point now() const = 0;
  // Waits on `cv` (its mutex held by `lock`) until notified or until `deadline` on this clock.
  // May return early; callers re-check their condition.
  virtual void wait_until(std::unique_lock<std::mutex>& lock, std::condition_variable& cv, time_point deadline) = 0;
  virtual void sleep_for(duration d) = 0;
};

class SteadyClock final : public Clock {
 public:
  time_point now() const override;
  void wait_until(std::unique_lock<std::mutex>& lock, std::condition_variable& cv, time_point deadline) override;
  void sleep_for(duration d) override;
};

// Time moves only when a caller waits or sleeps (the clock jumps to the deadline) or when advanced,
// so simulated hours take microseconds. Thread-safe; it never goes backwards.
class VirtualClock final : public Clock {
 public:
  explicit VirtualClock(time_point start = time_point{});
  time_point now() const override;
  void wait_until(std::unique_lock<std::mutex>& lock, std::condition_variable& cv, time_point deadline) override;
  void sleep_for(duration d) override;
  void advance(duration d);

 private:
  void advance_to(time_point t);
  mutable std::mutex mutex_;
  time_point now_;
};

}  // namespace vka::vk
