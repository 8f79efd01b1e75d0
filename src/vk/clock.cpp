#include "vk/clock.hpp"

#include <thread>

namespace vka::vk {

Clock::time_point SteadyClock::now() const { return std::chrono::steady_clock::now(); }

void SteadyClock::wait_until(std::unique_lock<std::mutex>& lock, std::condition_variable& cv, time_point deadline) {
  cv.wait_until(lock, deadline);
}

void SteadyClock::sleep_for(duration d) { std::this_thread::sleep_for(d); }

VirtualClock::VirtualClock(time_point start) : now_(start) {}

Clock::time_point VirtualClock::now() const {
  std::lock_guard guard(mutex_);
  return now_;
}

void VirtualClock::wait_until(std::unique_lock<std::mutex>& lock, std::condition_variable&, time_point deadline) {
  advance_to(deadline);
  // Let other threads reach their own waits before the caller re-checks, as real waiting would.
  lock.unlock();
  std::this_thread::yield();
  lock.lock();
}

void VirtualClock::sleep_for(duration d) { advance(d); }

void VirtualClock::advance(duration d) {
  std::lock_guard guard(mutex_);
  now_ += d;
}

void VirtualClock::advance_to(time_point t) {
  std::lock_guard guard(mutex_);
  if (t > now_) now_ = t;
}

}  // namespace vka::vk
