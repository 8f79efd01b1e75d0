#include "sim/rate_window.hpp"

#include <algorithm>

namespace vka::sim {

namespace {

void forget_before(std::deque<SimClock::time_point>& arrivals, SimClock::time_point now, SimClock::duration window) {
  while (!arrivals.empty() && now - arrivals.front() >= window) arrivals.pop_front();
}

}  // namespace

bool SlidingWindowLimiter::admit(SimClock::time_point now) {
  forget_before(admitted_, now, window_);
  if (admitted_.size() >= limit_) return false;
  admitted_.push_back(now);
  return true;
}

void BusiestWindow::record(SimClock::time_point arrival) {
  forget_before(recent_, arrival, window_);
  recent_.push_back(arrival);
  max_ = std::max(max_, recent_.size());
}

}  // namespace vka::sim
