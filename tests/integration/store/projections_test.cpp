// The analytics read models kept at ingest must equal a recomputation from the stored comments after every
// kind of write: first pages, replayed pages, edited comments, a post another task stored first, a task
// deleted, and the rebuild a migration asks for (which finds the phrases of comments stored without them).
#include <gtest/gtest.h>

#include <algorithm>

#include "collection_fixture.hpp"

namespace vka::store::testing {
namespace {

using S = domain::Sentiment;
constexpr std::int64_t monday_10h = 1795428000;

domain::Comment comment(std::int64_t owner, std::int64_t post, std::int64_t id, std::int64_t from, std::int64_t date,
                        std::optional<S> sentiment, std::vector<std::string> keywords, std::int64_t likes,
                        std::vector<std::string> phrases = {}) {
  domain::Comment c = make_comment(owner, post, id, from, date, "", likes);
  c.sentiment = sentiment;
  c.keywords = std::move(keywords);
  c.phrases = std::move(phrases);
  return c;
}

// Stands in for the analyzer: every pair of adjacent words of the text.
std::vector<std::string> adjacent_pairs(std::string_view text) {
  std::vector<std::string> words;
  for (std::size_t start = 0, end = 0; end != std::string_view::npos; start = end + 1) {
    end = text.find(' ', start);
    words.emplace_back(text.substr(start, end - start));
  }
  std::vector<std::string> pairs;
  for (std::size_t i = 1; i < words.size(); ++i) pairs.push_back(words[i - 1] + ' ' + words[i]);
  return pairs;
}

std::vector<std::pair<std::string, std::int64_t>> sorted(std::vector<std::pair<std::string, std::int64_t>> counts) {
  std::sort(counts.begin(), counts.end());
  return counts;
}

class ProjectionsTest : public CollectionTest {
 protected:
  void SetUp() override {
    CollectionTest::SetUp();
    if (IsSkipped()) return;
    t1_ = start_task("t1");
    link(t1_, "t1", {1, 2});
    posts(t1_, "t1", 1, {make_post(-1, 10, 1000, 3, 7), make_post(-1, 11, 1000, 2, 7)});
    posts(t1_, "t1", 2, {make_post(-2, 20, 1100, 2, 0)});
    first_page_ = {
        comment(-1, 10, 100, 500, monday_10h, S::positive, {"котик", "дом"}, 5, {"горячая вода", "вода опять"}),
        comment(-1, 10, 101, 501, monday_10h + 90000, S::negative, {"собака"}, 1, {"горячая вода"}),
        comment(-1, 10, 102, 500, monday_10h + 3600, std::nullopt, {}, 0)};
    comments(t1_, "t1", -1, 10, first_page_);
    comments(t1_, "t1", -1, 11, {comment(-1, 11, 110, 502, monday_10h - 86400 * 3, S::neutral, {"котики"}, 2)});
    comments(t1_, "t1", -2, 20,
             {comment(-2, 20, 200, 501, monday_10h, S::positive, {"котик"}, 4, {"горячая вода", "новая школа"})});
  }

  LeaseToken t1_;
  std::vector<domain::Comment> first_page_;
};

TEST_P(ProjectionsTest, KeptAtIngestEqualARecomputation) {
  const std::string kept = snapshot("t1");
  // Wall -1 has authors 500, 501 and 502; wall -2 has 501; the task has three, not four.
  EXPECT_NE(kept.find("task_owner_totals: -1|4|8|1|1|1|1|3,-2|1|4|1|0|0|0|1"), std::string::npos) << kept;
  EXPECT_NE(kept.find("task_authors: 500|2,501|2,502|1\n"), std::string::npos) << kept;
  EXPECT_NE(kept.find("task_totals: 3\n"), std::string::npos) << kept;
  expect_rebuild_changes_nothing("t1");
}

TEST_P(ProjectionsTest, AReplayedPageChangesNothing) {
  const std::string before = snapshot("t1");
  comments(t1_, "t1", -1, 10, first_page_);
  EXPECT_EQ(before, snapshot("t1"));
}

TEST_P(ProjectionsTest, AnEditedCommentMovesItsCounts) {
  std::vector<domain::Comment> edited = first_page_;
  edited[0].sentiment = S::negative;
  edited[0].keywords = {"собака"};
  edited[0].phrases = {"новая школа"};
  edited[0].likes = 9;
  edited[1].date = at(monday_10h + 86400 * 5);
  edited[1].from_id = 500;  // 501 leaves wall -1 but keeps a comment on wall -2
  edited[2].from_id = 503;
  edited.push_back(comment(-1, 10, 103, 504, monday_10h, S::neutral, {"дом"}, 0));
  comments(t1_, "t1", -1, 10, edited);
  const std::string kept = snapshot("t1");
  EXPECT_NE(kept.find("-1|собака|2"), std::string::npos) << kept;
  EXPECT_EQ(kept.find("-1|котик|"), std::string::npos) << kept;
  EXPECT_NE(kept.find("-1|горячая вода|1"), std::string::npos) << kept;
  EXPECT_EQ(kept.find("-1|вода опять|"), std::string::npos) << kept;
  EXPECT_EQ(kept.find("-1|опять|"), std::string::npos) << kept;  // no phrase of the wall has the word now
  EXPECT_NE(kept.find("-1|вода|1"), std::string::npos) << kept;
  EXPECT_EQ(kept.find("-1|501|"), std::string::npos) << kept;
  EXPECT_NE(kept.find("task_owner_totals: -1|5|"), std::string::npos) << kept;
  EXPECT_NE(kept.find("|4,-2|"), std::string::npos) << "wall -1: authors 500, 502, 503, 504; " << kept;
  EXPECT_NE(kept.find("task_authors: 500|2,501|1,502|1,503|1,504|1\n"), std::string::npos) << kept;
  EXPECT_NE(kept.find("task_totals: 5\n"), std::string::npos) << kept;
  expect_rebuild_changes_nothing("t1");
}

// Authors of at least 8 comments are ranked by an index; the top authors must be the same as a scan finds,
// whether the index holds enough of them or not, for the task and for one wall.
TEST_P(ProjectionsTest, TopAuthorsFromTheRankedRowsEqualAScan) {
  std::vector<domain::Comment> page;
  std::int64_t id = 1000;
  for (const auto& [from_id, written] : {std::pair{601, 9}, {602, 12}, {603, 8}, {604, 7}, {605, 9}})
    for (int i = 0; i < written; ++i) page.push_back(comment(-1, 11, id++, from_id, monday_10h + i, S::neutral, {}, 0));
  comments(t1_, "t1", -1, 11, page);
  comments(t1_, "t1", -2, 20,
           {comment(-2, 20, id, 603, monday_10h, S::neutral, {}, 0),
            comment(-2, 20, id + 1, 603, monday_10h, S::neutral, {}, 0)});
  for (const std::optional<std::int64_t> group : {std::optional<std::int64_t>{}, std::optional<std::int64_t>{1}})
    for (const int top : {2, 4, 6}) {
      const CommentFilter modelled{.task_id = "t1", .group_id = group};
      CommentFilter scanned = modelled;
      scanned.since = at(0);
      const auto ranked = store_->results().analytics({modelled, top}).top_authors;
      EXPECT_EQ(ranked, store_->results().analytics({scanned, top}).top_authors) << top;
      ASSERT_EQ(ranked.size(), static_cast<std::size_t>(top));
      EXPECT_EQ(ranked[0].author_id, 602);
    }
  // 603 has 8 comments on wall -1 and 10 in the task: it comes before 601 and 605 (9 each) only in the task.
  EXPECT_EQ(store_->results().analytics({{.task_id = "t1"}, 2}).top_authors[1], (AuthorActivity{603, "user 603", 10}));
  expect_rebuild_changes_nothing("t1");
}

TEST_P(ProjectionsTest, PhrasesAndTheirWordsAreCountedOncePerComment) {
  const std::string kept = snapshot("t1");
  for (const char* row : {"-1|вода опять|1", "-1|горячая вода|2", "-2|горячая вода|1", "-2|новая школа|1",
                          "-1|горячая|2", "-1|опять|1", "-2|школа|1"})
    EXPECT_NE(kept.find(row), std::string::npos) << row << " in " << kept;
  // Comment 100 has «вода» in both of its phrases: it counts once.
  EXPECT_NE(kept.find("-1|вода|2"), std::string::npos) << kept;
}

TEST_P(ProjectionsTest, PhraseCountsFromTheReadModelsEqualAScan) {
  const PhraseCounts modelled = store_->results().phrase_counts({.task_id = "t1"}, 1);
  EXPECT_EQ(modelled.comments, 5);
  EXPECT_EQ(modelled.phrases, (std::vector<std::pair<std::string, std::int64_t>>{
                                  {"вода опять", 1}, {"горячая вода", 3}, {"новая школа", 1}}));
  // A filter that keeps every comment is served by a scan.
  const PhraseCounts scanned = store_->results().phrase_counts({.task_id = "t1", .since = at(0)}, 1);
  EXPECT_EQ(scanned.comments, modelled.comments);
  EXPECT_EQ(sorted(scanned.phrases), sorted(modelled.phrases));
  EXPECT_EQ(sorted(scanned.words), sorted(modelled.words));
  // The floor leaves out what fewer comments have.
  const PhraseCounts floored = store_->results().phrase_counts({.task_id = "t1"}, 3);
  EXPECT_EQ(floored.phrases, (std::vector<std::pair<std::string, std::int64_t>>{{"горячая вода", 3}}));
  EXPECT_EQ(sorted(floored.words), sorted({{"вода", 3}, {"горячая", 3}}));
  // One wall's counts come from its rows as they are.
  const PhraseCounts one_wall = store_->results().phrase_counts({.task_id = "t1", .group_id = 1}, 1);
  EXPECT_EQ(one_wall.phrases,
            (std::vector<std::pair<std::string, std::int64_t>>{{"вода опять", 1}, {"горячая вода", 2}}));
  const PhraseCounts wall_scanned =
      store_->results().phrase_counts({.task_id = "t1", .group_id = 1, .since = at(0)}, 1);
  EXPECT_EQ(one_wall.phrases, sorted(wall_scanned.phrases));
  EXPECT_EQ(one_wall.words, sorted(wall_scanned.words));
  EXPECT_EQ(store_->results().phrase_counts({.task_id = "t1", .group_id = 1}, 2).phrases,
            (std::vector<std::pair<std::string, std::int64_t>>{{"горячая вода", 2}}));
  const PhraseCounts one_post = store_->results().phrase_counts({.task_id = "t1", .post_id = 20}, 1);
  EXPECT_EQ(one_post.comments, 1);
  EXPECT_EQ(one_post.phrases.size(), 2u);
}

TEST_P(ProjectionsTest, AnUpgradedDatabaseFindsPhrasesInTheTextsAtItsRebuild) {
  // As migration 0008 leaves comments stored before it, and as it asks for every task to be rebuilt.
  raw()->execute("UPDATE comments SET text = 'горячая вода опять', phrases = NULL WHERE id = 100");
  raw()->execute("UPDATE comments SET phrases = NULL WHERE id <> 100");
  raw()->execute("INSERT INTO projection_rebuilds (task_id) VALUES ('t1')");
  store_ = open_store(url(), {.find_phrases = adjacent_pairs});
  store_->migrate();
  EXPECT_EQ(count("SELECT COUNT(*) FROM comments WHERE phrases IS NULL"), 0);
  EXPECT_EQ(text_of("SELECT phrases FROM comments WHERE id = 100"), R"(["горячая вода","вода опять"])");
  EXPECT_EQ(text_of("SELECT phrases FROM comments WHERE id = 101"), R"(["comment 101"])");
  const std::string rebuilt = snapshot("t1");
  EXPECT_NE(rebuilt.find("-1|comment 101|1"), std::string::npos) << rebuilt;
  EXPECT_NE(rebuilt.find("-1|горячая вода|1"), std::string::npos) << rebuilt;
  EXPECT_EQ(rebuilt.find("-2|горячая вода|"), std::string::npos) << rebuilt;
  // What the rebuild found is kept at ingest from then on.
  comments(t1_, "t1", -1, 10, {comment(-1, 10, 105, 505, monday_10h, S::positive, {}, 0, {"вода опять"})});
  expect_rebuild_changes_nothing("t1");
}

TEST_P(ProjectionsTest, APostAnotherTaskStoredFirstCountsForBoth) {
  const LeaseToken t2 = start_task("t2", 150);
  posts(t2, "t2", std::nullopt, {make_post(-1, 10, 1000, 3, 7)});
  EXPECT_EQ(count("SELECT comments FROM task_owner_totals WHERE task_id = 't2'"), 3);
  expect_rebuild_changes_nothing("t2");
  // A later page of the shared post reaches both tasks.
  comments(t2, "t2", -1, 10, {comment(-1, 10, 104, 505, monday_10h, S::positive, {"дом"}, 1)});
  EXPECT_EQ(count("SELECT comments FROM task_owner_totals WHERE task_id = 't2'"), 4);
  EXPECT_EQ(count("SELECT comments FROM task_owner_totals WHERE task_id = 't1' AND owner_id = -1"), 5);
  expect_rebuild_changes_nothing("t1");
  expect_rebuild_changes_nothing("t2");
}

TEST_P(ProjectionsTest, ADeletedTaskTakesItsRowsAlong) {
  ASSERT_TRUE(store_->tasks().remove("t1"));
  for (const char* table : read_model_tables)
    EXPECT_EQ(count("SELECT COUNT(*) FROM " + std::string(table)), 0) << table;
  EXPECT_EQ(count("SELECT COUNT(*) FROM task_authors"), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM task_totals"), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM post_totals"), 0);
}

TEST_P(ProjectionsTest, AMigrationAsksForARebuildAndGetsIt) {
  const std::string kept = snapshot("t1");
  for (const char* table : read_model_tables) raw()->execute("DELETE FROM " + std::string(table));
  raw()->execute("DELETE FROM task_authors");
  raw()->execute("DELETE FROM task_totals");
  raw()->execute("DELETE FROM post_totals");
  raw()->execute("INSERT INTO projection_rebuilds (task_id) VALUES ('t1')");
  store_->migrate();
  EXPECT_EQ(kept, snapshot("t1"));
  EXPECT_EQ(count("SELECT COUNT(*) FROM projection_rebuilds"), 0);
}

INSTANTIATE_TEST_SUITE_P(Engines, ProjectionsTest, engines(), engine_name);

}  // namespace
}  // namespace vka::store::testing
