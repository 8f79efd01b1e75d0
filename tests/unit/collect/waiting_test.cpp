#include "collect/waiting.hpp"

#include <gtest/gtest.h>

namespace vka::collect {
namespace {

using std::chrono::seconds;

TEST(WaitingPolicy, TheFirstWaitIsShort) {
  const WaitingPolicy policy;
  EXPECT_EQ(policy.delay(seconds(0), 0.0), seconds(1));
  EXPECT_EQ(policy.delay(seconds(0), 0.999), seconds(1));
}

TEST(WaitingPolicy, WaitsAreHalfToAllOfTheTimeWaitedSoFar) {
  const WaitingPolicy policy;
  EXPECT_EQ(policy.delay(seconds(20), 0.0), seconds(10));
  EXPECT_EQ(policy.delay(seconds(20), 0.5), seconds(15));
  EXPECT_EQ(policy.delay(seconds(20), 0.999), seconds(20));
}

TEST(WaitingPolicy, WaitsDoubleAsTheOutageGoesOn) {
  const WaitingPolicy policy;
  seconds waited{0};
  for (int i = 0; i < 5; ++i) waited += policy.delay(waited, 0.999);
  EXPECT_EQ(waited, seconds(16));  // 1, 1, 2, 4, 8
}

TEST(WaitingPolicy, NoWaitIsLongerThanTheCapHoweverLongTheOutage) {
  const WaitingPolicy policy;
  for (const auto waited : {seconds(59), seconds(60), seconds(300), seconds(86'400)})
    EXPECT_LE(policy.delay(waited, 0.999), seconds(60)) << waited.count();
  EXPECT_EQ(policy.delay(seconds(86'400), 0.999), seconds(60));
  EXPECT_EQ(policy.delay(seconds(86'400), 0.0), seconds(30));
  const WaitingPolicy tight{seconds(2), seconds(5)};
  EXPECT_EQ(tight.delay(seconds(0), 0.999), seconds(2));
  EXPECT_EQ(tight.delay(seconds(600), 0.999), seconds(5));
}

TEST(WaitingPolicy, UnitsOutsideTheRangeAreClamped) {
  const WaitingPolicy policy;
  EXPECT_EQ(policy.delay(seconds(40), -1.0), seconds(20));
  EXPECT_EQ(policy.delay(seconds(40), 7.0), seconds(40));
}

}  // namespace
}  // namespace vka::collect
