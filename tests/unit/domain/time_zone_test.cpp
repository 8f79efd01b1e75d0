#include <gtest/gtest.h>

#include "domain/time_zone.hpp"

namespace vka::domain {
namespace {

Timestamp at(const char* rfc3339) { return *parse_rfc3339(rfc3339); }

TEST(TimeZone, UtcIsTheDefaultAndWritesZ) {
  const auto utc = TimeZone::utc();
  EXPECT_EQ(utc.name(), "UTC");
  EXPECT_EQ(utc.format(at("2026-07-03T11:46:40Z")), "2026-07-03T11:46:40Z");
  EXPECT_EQ(utc.local_seconds(at("1970-01-02T00:00:00Z")), 86400);
}

TEST(TimeZone, MoscowIsThreeHoursAheadAllYear) {
  const auto moscow = TimeZone::find("Europe/Moscow");
  ASSERT_TRUE(moscow);
  EXPECT_EQ(moscow->format(at("2026-01-15T21:30:00Z")), "2026-01-16T00:30:00+03:00");
  EXPECT_EQ(moscow->format(at("2026-07-15T21:30:00Z")), "2026-07-16T00:30:00+03:00");
  EXPECT_EQ(moscow->local_seconds(at("1970-01-01T00:00:00Z")), 3 * 3600);
}

TEST(TimeZone, BerlinFollowsDaylightSavingTime) {
  const auto berlin = TimeZone::find("Europe/Berlin");
  ASSERT_TRUE(berlin);
  EXPECT_EQ(berlin->format(at("2026-01-15T12:00:00Z")), "2026-01-15T13:00:00+01:00");
  EXPECT_EQ(berlin->format(at("2026-07-15T12:00:00Z")), "2026-07-15T14:00:00+02:00");
  // Summer time starts on 2026-03-29 at 01:00 UTC: the clock jumps from 02:00 to 03:00.
  EXPECT_EQ(berlin->format(at("2026-03-29T00:59:59Z")), "2026-03-29T01:59:59+01:00");
  EXPECT_EQ(berlin->format(at("2026-03-29T01:00:00Z")), "2026-03-29T03:00:00+02:00");
}

TEST(TimeZone, NegativeOffsetsWithMinutes) {
  const auto newfoundland = TimeZone::find("America/St_Johns");
  ASSERT_TRUE(newfoundland);
  EXPECT_EQ(newfoundland->format(at("2026-01-15T12:00:00Z")), "2026-01-15T08:30:00-03:30");
}

TEST(TimeZone, UnknownNamesAreNotFound) {
  EXPECT_FALSE(TimeZone::find("Europe/Atlantis"));
  EXPECT_FALSE(TimeZone::find(""));
  EXPECT_FALSE(TimeZone::find("../../etc/passwd"));
}

}  // namespace
}  // namespace vka::domain
