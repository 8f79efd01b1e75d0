#include <gtest/gtest.h>

#include "domain/collected.hpp"

namespace vka::domain {
namespace {

TEST(SentimentLabelTest, RoundTripsAndRejectsOtherText) {
  for (Sentiment s : {Sentiment::positive, Sentiment::neutral, Sentiment::negative})
    EXPECT_EQ(parse_sentiment(to_string(s)), s);
  EXPECT_EQ(to_string(Sentiment::negative), "negative");
  EXPECT_EQ(parse_sentiment("Positive"), std::nullopt);
  EXPECT_EQ(parse_sentiment(""), std::nullopt);
}

}  // namespace
}  // namespace vka::domain
