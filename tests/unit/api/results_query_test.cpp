#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <bit>
#include <set>

#include "api/analytics_cache.hpp"
#include "api/results_query.hpp"
#include "error_matchers.hpp"

namespace vka::api {
namespace {

using testing::api_error_of;
using ::testing::ElementsAre;
using testing::fields_of;

const analysis::Analyzer& analyzer() {
  static const analysis::Analyzer instance{
      std::make_shared<const analysis::Lexicon>(analysis::Lexicon::load_builtin())};
  return instance;
}

QueryParams params(std::string query) {
  http::Request request;
  request.method = "GET";
  request.query = std::move(query);
  return QueryParams{request};
}

store::CommentQuery comments(std::string query) {
  return parse_comment_query(params(std::move(query)), "t_1", analyzer());
}

TEST(CommentQuery, ScoreBoundsAreReadInclusive) {
  const auto query = comments("min_score=-0.5&max_score=0.25");
  EXPECT_EQ(query.filter.min_score, -0.5);
  EXPECT_EQ(query.filter.max_score, 0.25);
  EXPECT_EQ(comments("min_score=-1&max_score=1").filter.min_score, -1.0);
  EXPECT_FALSE(comments("").filter.min_score);
}

TEST(CommentQuery, ScoreBoundsOutsideMinusOneToOneOrNotNumbersAre400) {
  for (const auto* bad :
       {"min_score=-1.5", "max_score=2", "min_score=abc", "max_score=0.5x", "min_score=nan", "max_score=inf"})
    EXPECT_EQ(api_error_of([&] { comments(bad); }).status(), 400) << bad;
  EXPECT_THAT(fields_of(api_error_of([] { comments("max_score=2"); })), ElementsAre("max_score"));
}

TEST(CommentQuery, MinScoreAboveMaxScoreIs400) {
  const auto error = api_error_of([] { comments("min_score=0.5&max_score=-0.5"); });
  EXPECT_EQ(error.status(), 400);
  EXPECT_THAT(fields_of(error), ElementsAre("min_score"));
  EXPECT_NO_THROW(comments("min_score=0.5&max_score=0.5"));
}

TEST(CommentQuery, SortsByScoreBothWays) {
  const auto ascending = comments("sort=sentiment_score");
  EXPECT_EQ(ascending.sort, store::CommentSortKey::score);
  EXPECT_FALSE(ascending.descending);
  const auto descending = comments("sort=-sentiment_score");
  EXPECT_EQ(descending.sort, store::CommentSortKey::score);
  EXPECT_TRUE(descending.descending);
}

TEST(CommentQuery, AScoreCursorGivesBackTheExactScore) {
  auto query = comments("sort=sentiment_score");
  const store::RowKey key{std::bit_cast<std::int64_t>(-0.6123456789), -1, 42};
  const auto next = comments("sort=sentiment_score&cursor=" + comment_cursor(query, key));
  ASSERT_TRUE(next.after);
  EXPECT_EQ(*next.after, key);
  EXPECT_EQ(std::bit_cast<double>(next.after->sort_value), -0.6123456789);
  // A cursor of one direction is refused by the other.
  EXPECT_EQ(api_error_of([&] { comments("sort=-sentiment_score&cursor=" + comment_cursor(query, key)); }).status(),
            400);
}

TEST(ListQuery, CountIsTrueOrFalse) {
  EXPECT_FALSE(wants_count(params("")));
  EXPECT_TRUE(wants_count(params("count=true")));
  EXPECT_FALSE(wants_count(params("count=false")));
  EXPECT_THAT(fields_of(api_error_of([] { wants_count(params("count=yes")); })), ElementsAre("count"));
}

TEST(PostQuery, TakesAPostId) {
  EXPECT_EQ(parse_post_query(params("post_id=17"), "t_1").post_id, 17);
  EXPECT_FALSE(parse_post_query(params(""), "t_1").post_id);
  EXPECT_THAT(fields_of(api_error_of([] { parse_post_query(params("post_id=-3"), "t_1"); })), ElementsAre("post_id"));
}

TEST(QueryNames, APostExportTakesThePostFiltersAndTheExportOptionsOnly) {
  const auto posts = post_export_query_names();
  for (const auto* name : {"group_id", "post_id", "sort", "what", "format", "delimiter", "bom", "tz"})
    EXPECT_THAT(posts, ::testing::Contains(name));
  for (const auto* name : {"sentiment", "author_id", "q", "since", "until", "min_score", "max_score", "cursor"})
    EXPECT_THAT(posts, ::testing::Not(::testing::Contains(name)));
}

TEST(QueryNames, ListsAndExportShareTheCommentFilters) {
  const auto list = comment_list_query_names();
  const auto exported = export_query_names();
  const auto analytics = analytics_query_names();
  for (const auto* filter :
       {"group_id", "post_id", "author_id", "sentiment", "q", "since", "until", "min_score", "max_score"}) {
    EXPECT_THAT(list, ::testing::Contains(filter));
    EXPECT_THAT(exported, ::testing::Contains(filter));
    EXPECT_THAT(analytics, ::testing::Contains(filter));
  }
  EXPECT_THAT(analytics, ::testing::Contains("keywords"));
  EXPECT_THAT(analytics, ::testing::Not(::testing::Contains("cursor")));
}

TEST(AnalyticsCacheKey, EveryFilterFieldMakesItsOwnKey) {
  const store::CommentFilter base{.task_id = "t_1"};
  std::vector<store::CommentFilter> variants(10, base);
  variants[1].group_id = 1;
  variants[2].post_id = 1;
  variants[3].author_id = 1;
  variants[4].sentiment = domain::Sentiment::negative;
  variants[5].since = domain::from_unix(0);
  variants[6].until = domain::from_unix(0);
  variants[7].stems = {"кот"};
  variants[8].min_score = 0;
  variants[9].max_score = 0;
  std::set<std::string> keys;
  for (const auto& filter : variants) keys.insert(analytics_cache_key(filter, 20, 5));
  keys.insert(analytics_cache_key(base, 21, 5));
  keys.insert(analytics_cache_key(base, 20, 20));  // keywords=20 lists 20 per community too, unlike the default
  store::CommentFilter other_task = base;
  other_task.task_id = "t_2";
  keys.insert(analytics_cache_key(other_task, 20, 5));
  EXPECT_EQ(keys.size(), variants.size() + 3);
  EXPECT_EQ(analytics_cache_key(variants[7], 20, 5), analytics_cache_key(variants[7], 20, 5));
}

}  // namespace
}  // namespace vka::api
