#include "jobs/backoff.hpp"

#include <algorithm>
#include <cmath>

namespace vka::jobs {

std::chrono::seconds BackoffPolicy::delay(int attempt, double unit) const {
  const std::int64_t ceiling = std::max<std::int64_t>(max.count(), 0);
  std::int64_t cap = std::clamp<std::int64_t>(initial.count(), 0, ceiling);
  for (int i = 1; i < attempt && cap < ceiling; ++i) cap = std::min(cap * 2, ceiling);
  const double fraction = std::clamp(unit, 0.0, 1.0);
  // Whole seconds from 0 to cap inclusive, each equally likely.
  const auto wait = static_cast<std::int64_t>(std::floor(fraction * static_cast<double>(cap + 1)));
  return std::chrono::seconds(std::min(wait, cap));
}

}  // namespace vka::jobs
