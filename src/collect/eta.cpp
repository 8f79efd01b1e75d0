#include "collect/eta.hpp"

#include <algorithm>
#include <cmath>

namespace vka::collect {

EtaEstimator::EtaEstimator(const domain::TaskProgress& at_start, vk::Clock::time_point started)
    : expected_(at_start.comments_expected), collected_(at_start.comments_collected), started_(started) {}

void EtaEstimator::add(const domain::TaskProgress& counted) {
  expected_ += counted.comments_expected;
  collected_ += counted.comments_collected;
  collected_this_run_ += counted.comments_collected;
}

std::optional<std::int64_t> EtaEstimator::eta_seconds(vk::Clock::time_point now) const {
  // Nothing left of what is known says nothing about what is still to be found (walls not yet paged).
  const std::int64_t remaining = expected_ - collected_;
  if (remaining <= 0) return std::nullopt;
  const double elapsed = std::chrono::duration<double>(now - started_).count();
  if (collected_this_run_ == 0 || elapsed < 1.0) return std::nullopt;
  const double per_second = static_cast<double>(collected_this_run_) / elapsed;
  return static_cast<std::int64_t>(std::ceil(static_cast<double>(remaining) / per_second));
}

}  // namespace vka::collect
