#include "store/projection_delta.hpp"

#include <gtest/gtest.h>

namespace vka::store {
namespace {

using S = domain::Sentiment;
constexpr std::int64_t monday_10h = 1795428000;  // 2026-11-23, a Monday, 10:00 UTC

CommentFacts facts(std::int64_t from, std::int64_t date, std::optional<S> sentiment, std::vector<std::string> keywords,
                   std::int64_t likes = 0, std::vector<std::string> phrases = {}) {
  return {from, date, likes, sentiment, std::move(keywords), std::move(phrases)};
}

TEST(ProjectionDelta, NewCommentsAddToEveryCount) {
  ProjectionDelta delta;
  delta.change(std::nullopt, facts(7, monday_10h, S::positive, {"котик", "дом"}, 3));
  delta.change(std::nullopt, facts(8, monday_10h + 60, std::nullopt, {"котик"}, 1));
  EXPECT_EQ(delta.totals(), (SentimentTally{2, 1, 0, 0, 1}));
  EXPECT_EQ(delta.likes(), 4);
  EXPECT_FALSE(delta.removes());
  EXPECT_EQ(delta.days_json(), "[[20780,2,1,0,0,1]]");
  EXPECT_EQ(delta.hours_json(), "[[10,2]]");
  EXPECT_EQ(delta.keywords_json(), R"([["дом",1],["котик",2]])");
  EXPECT_EQ(delta.authors_json(), "[[7,1],[8,1]]");
}

TEST(ProjectionDelta, AnUnchangedCommentContributesNothing) {
  ProjectionDelta delta;
  const CommentFacts same = facts(7, monday_10h, S::negative, {"дом"});
  delta.change(same, same);
  EXPECT_TRUE(delta.empty());
  EXPECT_EQ(delta.keywords_json(), "[]");
}

TEST(ProjectionDelta, AnEditMovesCountsAndCancelledChangesVanish) {
  ProjectionDelta delta;
  delta.change(facts(7, monday_10h, S::negative, {"дом"}, 2), facts(7, monday_10h, S::positive, {"кот"}, 5));
  EXPECT_TRUE(delta.removes());
  EXPECT_EQ(delta.totals(), (SentimentTally{0, 1, 0, -1, 0}));
  EXPECT_EQ(delta.likes(), 3);
  EXPECT_EQ(delta.days_json(), "[[20780,0,1,0,-1,0]]");
  EXPECT_EQ(delta.hours_json(), "[]");  // same hour: +1 and -1 cancel out
  EXPECT_EQ(delta.keywords_json(), R"([["дом",-1],["кот",1]])");
  EXPECT_EQ(delta.authors_json(), "[]");
}

TEST(ProjectionDelta, KeywordsAreJsonStrings) {
  ProjectionDelta delta;
  delta.add(facts(1, 0, S::neutral, {"say \"hi\"\\"}), +1);
  EXPECT_EQ(delta.keywords_json(), R"([["say \"hi\"\\",1]])");
}

TEST(ProjectionDelta, PhrasesAndTheirWordsCountOncePerComment) {
  ProjectionDelta delta;
  delta.change(std::nullopt, facts(7, monday_10h, S::positive, {}, 0, {"горячая вода", "вода опять"}));
  delta.change(std::nullopt, facts(8, monday_10h, S::positive, {}, 0, {"горячая вода"}));
  EXPECT_EQ(delta.phrases().phrases_json(), R"([["вода опять",1],["горячая вода",2]])");
  EXPECT_EQ(delta.phrases().words_json(), R"([["вода",2],["горячая",2],["опять",1]])");
}

TEST(ProjectionDelta, AnEditMovesPhrasesAndTheirWords) {
  ProjectionDelta delta;
  delta.change(facts(7, monday_10h, S::neutral, {}, 0, {"горячая вода", "вода опять"}),
               facts(7, monday_10h, S::neutral, {}, 0, {"горячая вода", "новая школа"}));
  EXPECT_FALSE(delta.empty());
  EXPECT_EQ(delta.phrases().phrases_json(), R"([["вода опять",-1],["новая школа",1]])");
  EXPECT_EQ(delta.phrases().words_json(), R"([["новая",1],["опять",-1],["школа",1]])");
  ProjectionDelta unchanged;
  const CommentFacts same = facts(7, monday_10h, S::neutral, {}, 0, {"горячая вода"});
  unchanged.add(same, +1);
  unchanged.add(same, -1);
  EXPECT_TRUE(unchanged.empty());
}

TEST(ProjectionDelta, DaysAndHoursOfTheWeekStartFromMondayUtc) {
  EXPECT_EQ(day_of(monday_10h), 20780);
  EXPECT_EQ(hour_of_week(monday_10h), 10);
  EXPECT_EQ(hour_of_week(monday_10h + 6 * 86400 + 13 * 3600), 6 * 24 + 23);
  EXPECT_EQ(hour_of_week(0), 72);  // 1970-01-01 was a Thursday
}

}  // namespace
}  // namespace vka::store
