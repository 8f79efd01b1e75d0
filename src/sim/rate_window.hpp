#pragma once
// Per-token request accounting over sliding 1000 ms windows (docs/vk-api.md §6): the limiter behind
// error 6, and the busiest window seen, which /_sim/stats reports so tests can check pacing.
#include <chrono>
#include <cstddef>
#include <deque>

namespace vka::sim {

using SimClock = std::chrono::steady_clock;

// Admits a request when fewer than `limit` admitted requests arrived within the last `window`
// (arrivals exactly `window` apart fall in different windows). Rejected requests take no slot.
class SlidingWindowLimiter {
 public:
  SlidingWindowLimiter(std::size_t limit, SimClock::duration window) : limit_(limit), window_(window) {}
  bool admit(SimClock::time_point now);

 private:
  std::size_t limit_;
  SimClock::duration window_;
  std::deque<SimClock::time_point> admitted_;
};

// The largest number of arrivals (admitted or not) that fell within any one window.
class BusiestWindow {
 public:
  explicit BusiestWindow(SimClock::duration window) : window_(window) {}
  void record(SimClock::time_point arrival);
  std::size_t max() const { return max_; }

 private:
  SimClock::duration window_;
  std::deque<SimClock::time_point> recent_;
  std::size_t max_ = 0;
};

}  // namespace vka::sim
