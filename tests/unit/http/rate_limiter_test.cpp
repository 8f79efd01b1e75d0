#include "http/rate_limiter.hpp"

#include <gtest/gtest.h>

#include "http/concurrency_limiter.hpp"

namespace vka::http {
namespace {

using std::chrono::seconds;

class RateLimiterTest : public ::testing::Test {
 protected:
  std::chrono::steady_clock::time_point now{};
  RateLimiter limiter{60, std::chrono::minutes{1}, [this] { return now; }};
};

TEST_F(RateLimiterTest, AllowsAWholeWindowAtOnceThenRefuses) {
  for (int i = 0; i < 60; ++i) ASSERT_TRUE(limiter.take("k").allowed) << i;
  const auto refused = limiter.take("k");
  EXPECT_FALSE(refused.allowed);
  EXPECT_EQ(refused.limit, 60);
  EXPECT_EQ(refused.remaining, 0);
  EXPECT_EQ(refused.retry_after, seconds{1});
  EXPECT_EQ(refused.reset, seconds{60});
}

TEST_F(RateLimiterTest, RefillsContinuously) {
  for (int i = 0; i < 60; ++i) limiter.take("k");
  now += seconds{2};
  EXPECT_TRUE(limiter.take("k").allowed);
  EXPECT_TRUE(limiter.take("k").allowed);
  EXPECT_FALSE(limiter.take("k").allowed);
  now += std::chrono::hours{1};
  EXPECT_EQ(limiter.peek("k").remaining, 60) << "never more than one window's worth";
}

TEST_F(RateLimiterTest, KeysAreIndependent) {
  for (int i = 0; i < 60; ++i) limiter.take("a");
  EXPECT_FALSE(limiter.take("a").allowed);
  const auto other = limiter.take("b");
  EXPECT_TRUE(other.allowed);
  EXPECT_EQ(other.remaining, 59);
}

TEST_F(RateLimiterTest, PeekDoesNotTake) {
  for (int i = 0; i < 10; ++i) EXPECT_EQ(limiter.peek("k").remaining, 60);
  EXPECT_EQ(limiter.take("k").remaining, 59);
}

TEST(RateLimiterSlowWindow, RetryAfterIsTheTimeToTheNextUnit) {
  std::chrono::steady_clock::time_point now{};
  RateLimiter failures{100, seconds{300}, [&] { return now; }};
  for (int i = 0; i < 100; ++i) failures.take("1.2.3.4");
  const auto refused = failures.peek("1.2.3.4");
  EXPECT_FALSE(refused.allowed);
  EXPECT_EQ(refused.retry_after, seconds{3});
  EXPECT_EQ(refused.reset, seconds{300});
}

TEST(ConcurrencyLimiter, HoldsAtMostTheLimitPerKeyUntilSlotsAreReleased) {
  ConcurrencyLimiter limiter{2};
  auto first = limiter.try_acquire("k");
  auto second = limiter.try_acquire("k");
  ASSERT_TRUE(first);
  ASSERT_TRUE(second);
  EXPECT_FALSE(limiter.try_acquire("k"));
  EXPECT_TRUE(limiter.try_acquire("other"));
  first.reset();
  EXPECT_TRUE(limiter.try_acquire("k"));
}

}  // namespace
}  // namespace vka::http
