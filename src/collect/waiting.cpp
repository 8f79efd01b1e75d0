#include "collect/waiting.hpp"

#include <algorithm>
#include <cmath>

namespace vka::collect {

std::chrono::seconds WaitingPolicy::delay(std::chrono::seconds waited, double unit) const {
  const double ceiling = static_cast<double>(std::clamp(waited, first, std::max(first, cap)).count());
  const double fraction = 0.5 + 0.5 * std::clamp(unit, 0.0, 1.0);
  return std::chrono::seconds(static_cast<std::int64_t>(std::ceil(ceiling * fraction)));
}

}  // namespace vka::collect
