#include "domain/schedule.hpp"

#include <gtest/gtest.h>

namespace vka::domain {
namespace {

using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;

TEST(RefreshPeriod, ReadsANumberAndAUnit) {
  EXPECT_EQ(*parse_refresh_period("15m"), minutes(15));
  EXPECT_EQ(*parse_refresh_period("90m"), minutes(90));
  EXPECT_EQ(*parse_refresh_period("6h"), hours(6));
  EXPECT_EQ(*parse_refresh_period("1d"), hours(24));
  EXPECT_EQ(*parse_refresh_period("2w"), hours(24 * 14));
}

TEST(RefreshPeriod, RefusesLessThanFifteenMinutes) {
  const auto short_one = parse_refresh_period("14m");
  ASSERT_FALSE(short_one);
  EXPECT_EQ(short_one.error(), "must be at least 15 minutes (\"15m\")");
  EXPECT_FALSE(parse_refresh_period("0h"));
}

TEST(RefreshPeriod, RefusesWhatIsNotANumberAndAUnit) {
  for (const char* text : {"", "m", "15", "15s", "15M", "-15m", "+15m", " 15m", "15m ", "1.5h", "h6", "15mm", "1e3m"})
    EXPECT_FALSE(parse_refresh_period(text)) << text;
}

TEST(RefreshPeriod, RefusesMoreThanAYearAndHugeNumbers) {
  EXPECT_TRUE(parse_refresh_period("366d"));
  EXPECT_FALSE(parse_refresh_period("367d"));
  EXPECT_FALSE(parse_refresh_period("99999999999999999999m"));
}

TEST(RefreshPeriod, FormatsInTheLargestExactUnit) {
  EXPECT_EQ(format_refresh_period(minutes(15)), "15m");
  EXPECT_EQ(format_refresh_period(minutes(90)), "90m");
  EXPECT_EQ(format_refresh_period(hours(6)), "6h");
  EXPECT_EQ(format_refresh_period(hours(48)), "2d");
  EXPECT_EQ(format_refresh_period(hours(24 * 7)), "1w");
  for (const char* text : {"15m", "6h", "1d", "3w", "25h"})
    EXPECT_EQ(format_refresh_period(*parse_refresh_period(text)), text);
}

}  // namespace
}  // namespace vka::domain
