#include "vk/retry.hpp"

#include <gtest/gtest.h>

namespace vka::vk {
namespace {

using namespace std::chrono_literals;
using State = CircuitBreaker::State;

TEST(FullJitter, CeilingDoublesUpToCap) {
  const BackoffPolicy policy{.base = 100ms, .cap = 1s};
  EXPECT_EQ(full_jitter_delay(policy, 0, 0.5), 50ms);
  EXPECT_EQ(full_jitter_delay(policy, 1, 0.5), 100ms);
  EXPECT_EQ(full_jitter_delay(policy, 3, 0.5), 400ms);
  EXPECT_EQ(full_jitter_delay(policy, 4, 0.5), 500ms);     // 1.6 s capped to 1 s
  EXPECT_EQ(full_jitter_delay(policy, 1000, 0.5), 500ms);  // no overflow on huge attempts
  EXPECT_EQ(full_jitter_delay(policy, 2, 0.0), 0ms);
}

TEST(Backoff, UsesInjectedRandomness) {
  std::vector<double> draws{0.25, 0.75};
  std::size_t next = 0;
  Backoff backoff({.base = 1s, .cap = 8s}, [&] { return draws[next++]; });
  EXPECT_EQ(backoff.delay(0), 250ms);
  EXPECT_EQ(backoff.delay(2), 3s);
}

TEST(Backoff, DefaultRandomStaysWithinCeiling) {
  Backoff backoff({.base = 100ms, .cap = 1s});
  for (int i = 0; i < 1000; ++i) {
    const auto d = backoff.delay(2);
    EXPECT_GE(d, 0ms);
    EXPECT_LT(d, 400ms);
  }
}

class BreakerTest : public ::testing::Test {
 protected:
  Clock::time_point t0{};
  CircuitBreaker breaker{{.failure_threshold = 3, .failure_window = 10s, .cool_down = 30s}};
};

TEST_F(BreakerTest, OpensAfterConsecutiveFailuresWithinWindow) {
  breaker.record_failure(t0);
  breaker.record_failure(t0 + 1s);
  EXPECT_EQ(breaker.state(t0 + 1s), State::closed);
  breaker.record_failure(t0 + 2s);
  EXPECT_EQ(breaker.state(t0 + 2s), State::open);
  EXPECT_FALSE(breaker.allow(t0 + 3s));
  EXPECT_EQ(breaker.reopens_at(), t0 + 32s);
}

TEST_F(BreakerTest, SuccessResetsTheStreak) {
  breaker.record_failure(t0);
  breaker.record_failure(t0 + 1s);
  breaker.record_success(t0 + 2s);
  breaker.record_failure(t0 + 3s);
  breaker.record_failure(t0 + 4s);
  EXPECT_EQ(breaker.state(t0 + 4s), State::closed);
}

TEST_F(BreakerTest, FailuresSpreadBeyondTheWindowDoNotOpen) {
  breaker.record_failure(t0);
  breaker.record_failure(t0 + 6s);
  breaker.record_failure(t0 + 12s);  // streak restarted: t0 is older than 10 s
  EXPECT_EQ(breaker.state(t0 + 12s), State::closed);
  breaker.record_failure(t0 + 13s);
  breaker.record_failure(t0 + 14s);
  EXPECT_EQ(breaker.state(t0 + 14s), State::open);
}

TEST_F(BreakerTest, HalfOpenAdmitsOneProbeAndClosesOnSuccess) {
  for (int i = 0; i < 3; ++i) breaker.record_failure(t0);
  EXPECT_EQ(breaker.state(t0 + 30s), State::half_open);
  EXPECT_TRUE(breaker.allow(t0 + 30s));
  EXPECT_FALSE(breaker.allow(t0 + 31s));
  breaker.record_success(t0 + 32s);
  EXPECT_EQ(breaker.state(t0 + 32s), State::closed);
  EXPECT_TRUE(breaker.allow(t0 + 32s));
}

TEST_F(BreakerTest, FailedProbeReopensForAnotherCoolDown) {
  for (int i = 0; i < 3; ++i) breaker.record_failure(t0);
  ASSERT_TRUE(breaker.allow(t0 + 30s));
  breaker.record_failure(t0 + 31s);
  EXPECT_EQ(breaker.state(t0 + 31s), State::open);
  EXPECT_FALSE(breaker.allow(t0 + 60s));
  EXPECT_EQ(breaker.state(t0 + 61s), State::half_open);
  EXPECT_TRUE(breaker.allow(t0 + 61s));
}

}  // namespace
}  // namespace vka::vk
