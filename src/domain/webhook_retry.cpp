#include "domain/webhook_retry.hpp"

#include <algorithm>

namespace vka::domain {

namespace {

constexpr std::chrono::seconds first_delay{1};
constexpr std::chrono::seconds longest_delay{30 * 60};
constexpr int growth = 4;

}  // namespace

std::optional<std::chrono::seconds> webhook_retry_delay(int failed_attempt) {
  if (failed_attempt < 1 || failed_attempt >= webhook_max_attempts) return std::nullopt;
  std::chrono::seconds delay = first_delay;
  for (int i = 1; i < failed_attempt && delay < longest_delay; ++i) delay *= growth;
  return std::min(delay, longest_delay);
}

}  // namespace vka::domain
