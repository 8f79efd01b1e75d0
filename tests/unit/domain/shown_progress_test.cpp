#include <gtest/gtest.h>

#include "domain/shown_progress.hpp"

namespace vka::domain {
namespace {

TEST(ShownProgress, ExpectedCommentsAreNeverBelowCollectedOnes) {
  const auto shown = as_shown({.comments_expected = 8091, .comments_collected = 8308, .eta_seconds = 12});
  EXPECT_EQ(shown.comments_expected, 8308);
  EXPECT_EQ(shown.comments_collected, 8308);
  EXPECT_EQ(as_shown({.comments_expected = 9000, .comments_collected = 8308}).comments_expected, 9000);
}

TEST(ShownProgress, NoEstimateBeforeAnythingIsCollectedNorAZeroOne) {
  EXPECT_FALSE(as_shown({.comments_expected = 500, .comments_collected = 0, .eta_seconds = 40}).eta_seconds);
  EXPECT_FALSE(as_shown({.comments_expected = 500, .comments_collected = 10, .eta_seconds = 0}).eta_seconds);
  EXPECT_EQ(as_shown({.comments_expected = 500, .comments_collected = 10, .eta_seconds = 40}).eta_seconds, 40);
}

}  // namespace
}  // namespace vka::domain
