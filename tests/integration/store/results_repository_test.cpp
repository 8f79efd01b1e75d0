#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <set>
#include <tuple>

#include "collection_fixture.hpp"

namespace vka::store::testing {
namespace {

using Key = std::pair<std::int64_t, std::int64_t>;  // (owner_id, id)

// Task t1: community 1 with posts 10, 11, 12 and community 2 with post 20; task t2 holds post -3_30 only.
// Comments of t1 (owner, post, id, author, date, likes, sentiment, stems):
struct Seed {
  std::int64_t owner, post, id, from, date, likes;
  std::optional<domain::Sentiment> sentiment;
  const char* stems;
};
using S = domain::Sentiment;
// Dates: 2026-11-23 (a Monday) 10:00 UTC = 1795428000.
constexpr std::int64_t monday_10h = 1795428000;
const Seed seeds[] = {
    {-1, 10, 100, 500, monday_10h, 5, S::positive, "котик пушист"},
    {-1, 10, 101, 501, monday_10h, 5, S::negative, "собак злой"},
    {-1, 10, 102, 500, monday_10h + 3600, 0, S::neutral, "котик собак"},
    {-1, 11, 110, 502, monday_10h + 86400, 2, S::positive, "котик"},
    {-1, 11, 111, 500, monday_10h + 86400, 9, std::nullopt, ""},
    {-2, 20, 200, 501, monday_10h + 2 * 86400 + 3600, 1, S::negative, "выбор"},
    {-2, 20, 201, 503, monday_10h - 7 * 86400, 5, S::positive, "выбор котик"},
};

class ResultsRepositoryTest : public CollectionTest {
 protected:
  void SetUp() override {
    CollectionTest::SetUp();
    if (IsSkipped()) return;
    t1_ = start_task("t1");
    link(t1_, "t1", {1, 2});
    posts(t1_, "t1", 1, {make_post(-1, 10, 1000, 3, 7), make_post(-1, 11, 1000, 2, 7), make_post(-1, 12, 900, 0, 1)});
    posts(t1_, "t1", 2, {make_post(-2, 20, 1100, 2, 0)});
    for (const Seed& s : seeds) {
      domain::Comment c = make_comment(s.owner, s.post, s.id, s.from, s.date, s.stems, s.likes);
      c.sentiment = s.sentiment;
      if (s.sentiment) c.sentiment_score = *s.sentiment == S::positive ? 0.5 : *s.sentiment == S::negative ? -0.5 : 0;
      c.keywords = {"k" + std::to_string(s.id)};
      comments(t1_, "t1", s.owner, s.post, {c});
    }
    const LeaseToken t2 = start_task("t2", 150);
    posts(t2, "t2", std::nullopt, {make_post(-3, 30, 1050, 1, 100)});
    comments(t2, "t2", -3, 30, {make_comment(-3, 30, 300, 500, monday_10h, "котик", 100)});
  }

  std::vector<Key> comment_keys(const CommentFilter& filter) {
    std::vector<Key> keys;
    store_->results().for_each_comment({filter, CommentSortKey::date, false}, [&](const CommentRow& row) {
      keys.emplace_back(row.comment.owner_id, row.comment.id);
      return true;
    });
    return keys;
  }

  LeaseToken t1_;
};

TEST_P(ResultsRepositoryTest, PostsOfTheTaskWithTheirCollectedCounts) {
  const PostPage page = store_->results().posts({"t1", std::nullopt, PostSortKey::date, true});
  ASSERT_EQ(page.items.size(), 4u);
  EXPECT_FALSE(page.next);
  EXPECT_EQ(page.items[0].post.owner_id, -2);  // date 1100
  EXPECT_EQ(page.items[0].comments_collected, 2);
  EXPECT_EQ(page.items[0].community_name, "Community 2");
  // Posts 10 and 11 share a date: (owner_id, id) descending breaks the tie.
  EXPECT_EQ(page.items[1].post.id, 11);
  EXPECT_EQ(page.items[2].post.id, 10);
  EXPECT_EQ(page.items[2].comments_collected, 3);
  EXPECT_EQ(page.items[2].post, make_post(-1, 10, 1000, 3, 7));
  EXPECT_EQ(page.items[3].post.id, 12);

  const PostPage group2 = store_->results().posts({"t1", 2});
  ASSERT_EQ(group2.items.size(), 1u);
  EXPECT_EQ(group2.items[0].post.id, 20);
  EXPECT_TRUE(store_->results().posts({"nope"}).items.empty());
  const PostPage unnamed = store_->results().posts({"t2"});
  ASSERT_EQ(unnamed.items.size(), 1u);
  EXPECT_EQ(unnamed.items[0].community_name, std::nullopt) << "community 3 was never resolved";
}

TEST_P(ResultsRepositoryTest, CommentFiltersCombine) {
  const auto keys = [&](CommentFilter f) {
    f.task_id = "t1";
    return comment_keys(f);
  };
  EXPECT_EQ(keys({}).size(), 7u) << "t2's comment on a post t1 does not hold is not listed";
  EXPECT_EQ(keys({.group_id = 2}), (std::vector<Key>{{-2, 201}, {-2, 200}}));
  EXPECT_EQ(keys({.group_id = 1, .post_id = 11}), (std::vector<Key>{{-1, 110}, {-1, 111}}));
  EXPECT_EQ(keys({.author_id = 501}), (std::vector<Key>{{-1, 101}, {-2, 200}}));
  EXPECT_EQ(keys({.sentiment = S::positive}), (std::vector<Key>{{-2, 201}, {-1, 100}, {-1, 110}}));
  EXPECT_EQ(keys({.since = at(monday_10h + 3600), .until = at(monday_10h + 86401)}),
            (std::vector<Key>{{-1, 102}, {-1, 110}, {-1, 111}}));
  // Full text: every stem must match, in any order.
  EXPECT_EQ(keys({.stems = {"котик"}}), (std::vector<Key>{{-2, 201}, {-1, 100}, {-1, 102}, {-1, 110}}));
  EXPECT_EQ(keys({.stems = {"собак", "котик"}}), (std::vector<Key>{{-1, 102}}));
  EXPECT_EQ(keys({.group_id = 2, .stems = {"котик"}}), (std::vector<Key>{{-2, 201}}));
  EXPECT_TRUE(keys({.stems = {"кош"}}).empty()) << "stems match whole words only";
  // Quotes and FTS syntax in a stem are plain text, not query syntax.
  EXPECT_TRUE(keys({.stems = {"котик\" OR \"собак"}}).empty());
  EXPECT_TRUE(keys({.stems = {"NEAR(котик"}}).empty());
}

TEST_P(ResultsRepositoryTest, CommentRowsCarryAuthorAndAnalysis) {
  CommentQuery query{{.task_id = "t1", .post_id = 10}, CommentSortKey::likes, true};
  const CommentPage page = store_->results().comments(query);
  ASSERT_EQ(page.items.size(), 3u);
  EXPECT_EQ(page.items[0].comment.id, 101);  // likes 5, ties by (owner_id, id) descending
  EXPECT_EQ(page.items[0].author_name, "user 501");
  EXPECT_EQ(page.items[0].comment.sentiment, S::negative);
  EXPECT_EQ(page.items[0].comment.sentiment_score, -0.5);
  EXPECT_EQ(page.items[0].comment.keywords, std::vector<std::string>{"k101"});
  EXPECT_EQ(page.items[0].community_name, "Community 1");
  EXPECT_EQ(page.items[0].post_excerpt, "post 10");
  EXPECT_EQ(page.items[2].comment.id, 102);
}

// Walks every page of a listing with a small limit; between the first pages it adds rows through
// add(page_number) (only the first few, so that the walk can overtake the rows that keep arriving).
// Every row present at the start must come exactly once, no row twice, each page in order.
template <class Page, class Query, class Fetch, class KeyOf, class Before>
void walk(Query query, Fetch fetch, KeyOf key_of, Before in_order, const std::set<Key>& original,
          const std::function<void(int)>& add) {
  std::set<Key> seen;
  std::optional<std::tuple<std::int64_t, std::int64_t, std::int64_t>> previous;
  for (int page_number = 0; page_number < 100; ++page_number) {
    const Page page = fetch(query);
    for (const auto& row : page.items) {
      const auto key = key_of(row);
      EXPECT_TRUE(seen.insert({std::get<1>(key), std::get<2>(key)}).second) << "row served twice";
      if (previous) {
        EXPECT_TRUE(in_order(*previous, key)) << "out of order";
      }
      previous = key;
    }
    if (!page.next) break;
    query.after = page.next;
    if (page_number < 6) add(page_number);
  }
  for (const Key& k : original) EXPECT_TRUE(seen.contains(k)) << "missed " << k.first << "_" << k.second;
}

TEST_P(ResultsRepositoryTest, EveryCommentSortWalksAllPagesWhileRowsArrive) {
  std::set<Key> original;
  for (const Seed& s : seeds) original.insert({s.owner, s.id});
  for (const CommentSortKey sort : {CommentSortKey::date, CommentSortKey::likes}) {
    for (const bool descending : {false, true}) {
      CommentQuery query{{.task_id = "t1"}, sort, descending, std::nullopt, 2};
      auto fetch = [&](const CommentQuery& q) { return store_->results().comments(q); };
      auto key_of = [&](const CommentRow& r) {
        const std::int64_t value = sort == CommentSortKey::date ? domain::to_unix(r.comment.date) : r.comment.likes;
        return std::tuple{value, r.comment.owner_id, r.comment.id};
      };
      auto in_order = [&](const auto& a, const auto& b) { return descending ? b < a : a < b; };
      static std::int64_t next_id = 1000;
      walk<CommentPage>(query, fetch, key_of, in_order, original, [&](int page_number) {
        // New comments both before and after the position reached, sharing dates and likes with old ones.
        comments(t1_, "t1", -1, 12,
                 {make_comment(-1, 12, next_id++, 600, monday_10h + (page_number % 3 - 1) * 3600, "", page_number % 6),
                  make_comment(-1, 12, next_id++, 600, monday_10h, "", 5)});
      });
    }
  }
}

TEST_P(ResultsRepositoryTest, TheScoreSortWalksAllPagesWhileRowsArriveWithNoScoreAsZero) {
  std::set<Key> original;
  for (const Seed& s : seeds) original.insert({s.owner, s.id});
  const std::optional<double> scores[] = {-0.5, std::nullopt, 0.0, 0.5, 0.25};
  for (const bool descending : {false, true}) {
    CommentQuery query{{.task_id = "t1"}, CommentSortKey::score, descending, std::nullopt, 2};
    auto fetch = [&](const CommentQuery& q) { return store_->results().comments(q); };
    auto key_of = [](const CommentRow& r) {
      return std::tuple{std::llround(r.comment.sentiment_score.value_or(0) * 1000), r.comment.owner_id, r.comment.id};
    };
    auto in_order = [&](const auto& a, const auto& b) { return descending ? b < a : a < b; };
    static std::int64_t next_id = 3000;
    walk<CommentPage>(query, fetch, key_of, in_order, original, [&](int page_number) {
      domain::Comment c = make_comment(-1, 12, next_id++, 600, monday_10h, "", 0);
      c.sentiment_score = scores[page_number % 5];
      if (c.sentiment_score) c.sentiment = S::neutral;
      comments(t1_, "t1", -1, 12, {c});
    });
  }
}

TEST_P(ResultsRepositoryTest, ScoreBoundsKeepScoredCommentsWithinAndCountsAgree) {
  const auto keys = [&](std::optional<double> min, std::optional<double> max) {
    const CommentFilter f{.task_id = "t1", .min_score = min, .max_score = max};
    EXPECT_EQ(store_->results().count_comments(f), static_cast<std::int64_t>(comment_keys(f).size()));
    return comment_keys(f);
  };
  EXPECT_EQ(keys(0.5, std::nullopt), (std::vector<Key>{{-2, 201}, {-1, 100}, {-1, 110}}));
  EXPECT_EQ(keys(std::nullopt, -0.5), (std::vector<Key>{{-1, 101}, {-2, 200}}));
  EXPECT_EQ(keys(-0.1, 0.1), (std::vector<Key>{{-1, 102}})) << "the unscored comment 111 is never within bounds";
  EXPECT_EQ(keys(-1, 1).size(), 6u);
  EXPECT_EQ(store_->results().count_comments({.task_id = "t1"}), 7);
  EXPECT_EQ(store_->results().count_comments({.task_id = "t1", .group_id = 1, .sentiment = S::positive}), 2);
}

TEST_P(ResultsRepositoryTest, PostsFilterByPostIdAndCountExactly) {
  PostQuery query{"t1", std::nullopt, PostSortKey::date, true};
  EXPECT_EQ(store_->results().count_posts(query), 4);
  query.post_id = 11;
  const PostPage page = store_->results().posts(query);
  ASSERT_EQ(page.items.size(), 1u);
  EXPECT_EQ(page.items[0].post.id, 11);
  EXPECT_EQ(store_->results().count_posts(query), 1);
  query.group_id = 2;
  EXPECT_TRUE(store_->results().posts(query).items.empty());
  EXPECT_EQ(store_->results().count_posts(query), 0);
  EXPECT_EQ(store_->results().count_posts({"t1", 1, PostSortKey::date, true}), 3);
  EXPECT_EQ(store_->results().count_posts({"t2", std::nullopt, PostSortKey::date, true}), 1);
}

TEST_P(ResultsRepositoryTest, EveryPostSortWalksAllPagesWhileRowsArrive) {
  const std::set<Key> original = {{-1, 10}, {-1, 11}, {-1, 12}, {-2, 20}};
  for (const PostSortKey sort : {PostSortKey::date, PostSortKey::likes, PostSortKey::comments}) {
    for (const bool descending : {false, true}) {
      PostQuery query{"t1", std::nullopt, sort, descending, std::nullopt, 1};
      auto fetch = [&](const PostQuery& q) { return store_->results().posts(q); };
      auto key_of = [&](const PostRow& r) {
        const std::int64_t value = sort == PostSortKey::date    ? domain::to_unix(r.post.date)
                                   : sort == PostSortKey::likes ? r.post.likes
                                                                : r.post.comments_count;
        return std::tuple{value, r.post.owner_id, r.post.id};
      };
      auto in_order = [&](const auto& a, const auto& b) { return descending ? b < a : a < b; };
      static std::int64_t next_id = 40;
      walk<PostPage>(query, fetch, key_of, in_order, original, [&](int page_number) {
        posts(t1_, "t1", 1, {make_post(-1, next_id++, 1000 + (page_number % 3 - 1) * 100, page_number % 4, 7)});
      });
    }
  }
}

TEST_P(ResultsRepositoryTest, ExportIteratesInChunksAndCanStop) {
  posts(t1_, "t1", 1, {make_post(-1, 50, 2000, 1300)});
  std::vector<domain::Comment> many;
  for (std::int64_t i = 0; i < 1234; ++i) many.push_back(make_comment(-1, 50, 5000 + i, 700 + i % 7, 3000 + i / 2));
  comments(t1_, "t1", -1, 50, many);

  std::vector<std::int64_t> ids;
  CommentQuery query{{.task_id = "t1", .post_id = 50}, CommentSortKey::date, false};
  store_->results().for_each_comment(query, [&](const CommentRow& row) {
    ids.push_back(row.comment.id);
    return true;
  });
  ASSERT_EQ(ids.size(), 1234u);
  EXPECT_TRUE(std::is_sorted(ids.begin(), ids.end()));
  EXPECT_EQ(std::set<std::int64_t>(ids.begin(), ids.end()).size(), 1234u);

  int visited = 0;
  store_->results().for_each_comment(query, [&](const CommentRow&) { return ++visited < 600; });
  EXPECT_EQ(visited, 600);

  int posts_seen = 0;
  store_->results().for_each_post({"t1"}, [&](const PostRow&) { return ++posts_seen > 0; });
  EXPECT_EQ(posts_seen, 5);

  EXPECT_EQ(store_->results().keyword_counts({.task_id = "t1"}).comments, 1234 + 7);
}

TEST_P(ResultsRepositoryTest, KeywordCountsFollowTheFilter) {
  const KeywordCounts negative = store_->results().keyword_counts({.task_id = "t1", .sentiment = S::negative});
  EXPECT_EQ(negative, (KeywordCounts{2, {{"k101", 1}, {"k200", 1}}}));
  const KeywordCounts group = store_->results().keyword_counts({.task_id = "t1", .group_id = 2});
  EXPECT_EQ(group, (KeywordCounts{2, {{"k200", 1}, {"k201", 1}}}));
}

// The read models kept at ingest serve a whole task and a community; a filter that selects the same comments
// but that they cannot serve (a date bound before every comment) scans the comments. Both must agree.
TEST_P(ResultsRepositoryTest, ReadModelsAgreeWithScanningTheComments) {
  for (const std::optional<std::int64_t> group :
       {std::optional<std::int64_t>{}, std::optional<std::int64_t>{1}, std::optional<std::int64_t>{2}}) {
    const CommentFilter modelled{.task_id = "t1", .group_id = group};
    CommentFilter scanned = modelled;
    scanned.since = at(0);
    EXPECT_EQ(store_->results().keyword_counts(modelled), store_->results().keyword_counts(scanned));
    const Analytics a = store_->results().analytics({modelled});
    const Analytics b = store_->results().analytics({scanned});
    EXPECT_EQ(a.posts, b.posts);
    EXPECT_EQ(a.comments, b.comments);
    EXPECT_EQ(a.authors, b.authors);
    EXPECT_EQ(a.comment_likes, b.comment_likes);
    EXPECT_EQ(a.sentiment, b.sentiment);
    EXPECT_EQ(a.top_authors, b.top_authors);
    EXPECT_EQ(a.by_day, b.by_day);
    EXPECT_EQ(a.by_hour_of_week, b.by_hour_of_week);
    EXPECT_EQ(a.communities, b.communities);
    EXPECT_EQ(a.posts_summary, b.posts_summary);
  }
}

TEST_P(ResultsRepositoryTest, AnalyticsMatchHandCountedValues) {
  const Analytics a = store_->results().analytics({{.task_id = "t1"}});
  EXPECT_EQ(a.posts, 4);
  EXPECT_EQ(a.comments, 7);
  EXPECT_EQ(a.authors, 4);  // 500, 501, 502, 503
  EXPECT_EQ(a.comment_likes, 27);
  EXPECT_EQ(a.sentiment, (SentimentCounts{3, 1, 2, 1}));
  ASSERT_GE(a.top_authors.size(), 2u);
  EXPECT_EQ(a.top_authors[0], (AuthorActivity{500, "user 500", 3}));
  EXPECT_EQ(a.top_authors[1], (AuthorActivity{501, "user 501", 2}));

  const auto day = [](std::int64_t offset) { return at(monday_10h - 10 * 3600 + offset * 86400); };
  EXPECT_EQ(a.by_day, (std::vector<DayActivity>{{day(-7), 1, {1, 0, 0, 0}},
                                                {day(0), 3, {1, 1, 1, 0}},
                                                {day(1), 2, {1, 0, 0, 1}},
                                                {day(2), 1, {0, 0, 1, 0}}}));
  std::array<std::int64_t, 168> hours{};
  hours[10] = 3;           // Monday 10:00 twice, and 201 on the Monday before
  hours[11] = 1;           // Monday 11:00
  hours[24 + 10] = 2;      // Tuesday 10:00
  hours[2 * 24 + 11] = 1;  // Wednesday 11:00
  EXPECT_EQ(a.by_hour_of_week, hours);

  ASSERT_EQ(a.communities.size(), 2u);
  EXPECT_EQ(a.communities[0], (CommunitySummary{1, "Community 1", 3, 5, {2, 1, 1, 1}}));
  EXPECT_EQ(a.communities[1], (CommunitySummary{2, "Community 2", 1, 2, {1, 0, 1, 0}}));

  ASSERT_EQ(a.posts_summary.size(), 3u);
  EXPECT_EQ(a.posts_summary[0], (PostSummary{-1, 10, 3, 7, {1, 1, 1, 0}}));
  EXPECT_EQ(a.posts_summary[1], (PostSummary{-2, 20, 2, 0, {1, 0, 1, 0}}));
  EXPECT_EQ(a.posts_summary[2], (PostSummary{-1, 11, 2, 7, {1, 0, 0, 1}}));
}

TEST_P(ResultsRepositoryTest, AnalyticsFollowGroupAndPostFilters) {
  const Analytics group = store_->results().analytics({{.task_id = "t1", .group_id = 2}});
  EXPECT_EQ(group.posts, 1);
  EXPECT_EQ(group.comments, 2);
  EXPECT_EQ(group.sentiment, (SentimentCounts{1, 0, 1, 0}));
  ASSERT_EQ(group.communities.size(), 1u);
  EXPECT_EQ(group.communities[0].community_id, 2);

  const Analytics post = store_->results().analytics({{.task_id = "t1", .group_id = 1, .post_id = 11}});
  EXPECT_EQ(post.posts, 1);
  EXPECT_EQ(post.comments, 2);
  EXPECT_EQ(post.authors, 2);
  ASSERT_EQ(post.posts_summary.size(), 1u);
  EXPECT_EQ(post.posts_summary[0].post_id, 11);

  const Analytics empty = store_->results().analytics({{.task_id = "nope"}});
  EXPECT_EQ(empty.comments, 0);
  EXPECT_EQ(empty.sentiment, SentimentCounts{});
  EXPECT_TRUE(empty.by_day.empty());
}

TEST_P(ResultsRepositoryTest, AnalyticsAndKeywordsFollowScoreBounds) {
  const CommentFilter positive_scores{.task_id = "t1", .min_score = 0.5};  // comments 100, 110 and 201
  const Analytics a = store_->results().analytics({positive_scores});
  EXPECT_EQ(a.comments, 3);
  EXPECT_EQ(a.posts, 4) << "the task's posts: comment filters select comments, not posts";
  EXPECT_EQ(a.authors, 3);
  EXPECT_EQ(a.sentiment, (SentimentCounts{3, 0, 0, 0}));
  EXPECT_EQ(store_->results().keyword_counts(positive_scores),
            (KeywordCounts{3, {{"k100", 1}, {"k110", 1}, {"k201", 1}}}));
  EXPECT_EQ(store_->results().analytics({{.task_id = "t1", .min_score = 0.9}}).comments, 0);
}

INSTANTIATE_TEST_SUITE_P(Engines, ResultsRepositoryTest, engines(), engine_name);

}  // namespace
}  // namespace vka::store::testing
