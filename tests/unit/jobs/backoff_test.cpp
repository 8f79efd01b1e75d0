#include "jobs/backoff.hpp"

#include <gtest/gtest.h>

namespace vka::jobs {
namespace {

using std::chrono::seconds;

TEST(BackoffPolicyTest, CapDoublesPerAttemptUpToTheMaximum) {
  const BackoffPolicy policy{seconds(2), seconds(20), 8};
  // The largest wait (unit just below 1) is the cap.
  constexpr double top = 0.999999;
  EXPECT_EQ(policy.delay(1, top), seconds(2));
  EXPECT_EQ(policy.delay(2, top), seconds(4));
  EXPECT_EQ(policy.delay(3, top), seconds(8));
  EXPECT_EQ(policy.delay(4, top), seconds(16));
  EXPECT_EQ(policy.delay(5, top), seconds(20));
  EXPECT_EQ(policy.delay(60, top), seconds(20));
}

TEST(BackoffPolicyTest, FullJitterSpreadsFromZeroToTheCap) {
  const BackoffPolicy policy{seconds(2), seconds(20), 8};
  EXPECT_EQ(policy.delay(3, 0.0), seconds(0));
  EXPECT_EQ(policy.delay(3, 0.5), seconds(4));
  // Out-of-range random numbers are clamped rather than trusted.
  EXPECT_EQ(policy.delay(3, -1.0), seconds(0));
  EXPECT_EQ(policy.delay(3, 7.0), seconds(8));
}

TEST(BackoffPolicyTest, DegenerateSettingsStayInRange) {
  EXPECT_EQ((BackoffPolicy{seconds(0), seconds(10), 3}.delay(5, 0.9)), seconds(0));
  EXPECT_EQ((BackoffPolicy{seconds(50), seconds(10), 3}.delay(1, 0.999)), seconds(10));
  EXPECT_EQ((BackoffPolicy{seconds(5), seconds(-1), 3}.delay(1, 0.999)), seconds(0));
}

TEST(BackoffPolicyTest, ExhaustedAtTheLastAttempt) {
  const BackoffPolicy policy{seconds(1), seconds(1), 3};
  EXPECT_FALSE(policy.exhausted(2));
  EXPECT_TRUE(policy.exhausted(3));
}

}  // namespace
}  // namespace vka::jobs
