#include <gtest/gtest.h>

#include "http/etag.hpp"

namespace vka::http {
namespace {

TEST(EntityTag, IsAWeakQuotedTag) {
  const auto tag = entity_tag("{\"data\":1}");
  ASSERT_GE(tag.size(), 4u);
  EXPECT_TRUE(tag.starts_with("W/\""));
  EXPECT_EQ(tag.back(), '"');
  EXPECT_EQ(tag.find('"', 3), tag.size() - 1);
}

TEST(EntityTag, DependsOnlyOnTheBytes) {
  EXPECT_EQ(entity_tag("abc"), entity_tag("abc"));
  EXPECT_NE(entity_tag("abc"), entity_tag("abd"));
  EXPECT_NE(entity_tag("abc"), entity_tag("cba"));
  EXPECT_NE(entity_tag(""), entity_tag(std::string_view{"\0", 1}));
}

TEST(IfNoneMatch, AbsentHeaderNeverHits) { EXPECT_FALSE(if_none_match_hits(std::nullopt, entity_tag("x"))); }

TEST(IfNoneMatch, SameTagHits) {
  const auto tag = entity_tag("body");
  EXPECT_TRUE(if_none_match_hits(tag, tag));
  EXPECT_FALSE(if_none_match_hits(entity_tag("other"), tag));
}

TEST(IfNoneMatch, ComparesWeaklyEitherWay) {
  EXPECT_TRUE(if_none_match_hits("\"abc\"", "W/\"abc\""));
  EXPECT_TRUE(if_none_match_hits("W/\"abc\"", "\"abc\""));
  EXPECT_TRUE(if_none_match_hits("W/\"abc\"", "W/\"abc\""));
  EXPECT_FALSE(if_none_match_hits("W/\"abcd\"", "W/\"abc\""));
  EXPECT_FALSE(if_none_match_hits("abc", "W/\"abc\""));
}

TEST(IfNoneMatch, AnyTagOfAListHits) {
  const std::string_view tag = "W/\"t2\"";
  EXPECT_TRUE(if_none_match_hits("\"t1\", W/\"t2\", \"t3\"", tag));
  EXPECT_TRUE(if_none_match_hits("\"t1\",\"t2\"", tag));
  EXPECT_TRUE(if_none_match_hits("  W/\"t2\"  ,", tag));
  EXPECT_TRUE(if_none_match_hits("\"t1\",\tW/\"t2\"\t", tag));
  EXPECT_FALSE(if_none_match_hits("\"t1\", \"t3\"", tag));
  EXPECT_FALSE(if_none_match_hits("", tag));
  EXPECT_FALSE(if_none_match_hits(" , ", tag));
}

TEST(IfNoneMatch, StarMatchesAnyRepresentation) {
  EXPECT_TRUE(if_none_match_hits("*", entity_tag("anything")));
  EXPECT_TRUE(if_none_match_hits(" * ", entity_tag("anything")));
}

}  // namespace
}  // namespace vka::http
