#include <gtest/gtest.h>

#include "sim/rate_window.hpp"

namespace vka::sim {
namespace {

using std::chrono::milliseconds;
const SimClock::time_point t0{};

TEST(SlidingWindowLimiter, AdmitsThreeInAnyWindowOfOneSecond) {
  SlidingWindowLimiter limiter{3, milliseconds{1000}};
  EXPECT_TRUE(limiter.admit(t0));
  EXPECT_TRUE(limiter.admit(t0 + milliseconds{300}));
  EXPECT_TRUE(limiter.admit(t0 + milliseconds{600}));
  EXPECT_FALSE(limiter.admit(t0 + milliseconds{999}));
  EXPECT_TRUE(limiter.admit(t0 + milliseconds{1000}));  // the first one left the window
  EXPECT_FALSE(limiter.admit(t0 + milliseconds{1299}));
  EXPECT_TRUE(limiter.admit(t0 + milliseconds{1300}));
}

TEST(SlidingWindowLimiter, RejectedRequestsTakeNoSlot) {
  SlidingWindowLimiter limiter{1, milliseconds{1000}};
  EXPECT_TRUE(limiter.admit(t0));
  for (int i = 1; i < 10; ++i) EXPECT_FALSE(limiter.admit(t0 + milliseconds{100 * i}));
  EXPECT_TRUE(limiter.admit(t0 + milliseconds{1000}));
}

TEST(BusiestWindow, CountsArrivalsInTheFullestWindow) {
  BusiestWindow busiest{milliseconds{1000}};
  for (int ms : {0, 400, 1100, 1200, 1300, 1350, 3000}) busiest.record(t0 + milliseconds{ms});
  EXPECT_EQ(busiest.max(), 5u);  // 400, 1100, 1200, 1300 and 1350 lie within 950 ms
}

}  // namespace
}  // namespace vka::sim
