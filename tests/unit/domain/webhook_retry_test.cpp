#include "domain/webhook_retry.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace vka::domain {
namespace {

using std::chrono::seconds;

TEST(WebhookRetry, WaitsGrowFourfoldFromOneSecondUpToHalfAnHour) {
  std::vector<seconds> waits;
  for (int attempt = 1; attempt < webhook_max_attempts; ++attempt) waits.push_back(*webhook_retry_delay(attempt));
  EXPECT_EQ(waits, (std::vector<seconds>{seconds{1}, seconds{4}, seconds{16}, seconds{64}, seconds{256}, seconds{1024},
                                         seconds{1800}}));
}

TEST(WebhookRetry, TheEighthFailedAttemptIsTheLast) {
  EXPECT_EQ(webhook_max_attempts, 8);
  EXPECT_FALSE(webhook_retry_delay(8));
  EXPECT_FALSE(webhook_retry_delay(9));
  EXPECT_FALSE(webhook_retry_delay(0));
}

}  // namespace
}  // namespace vka::domain
