#include <gtest/gtest.h>

#include "collection_fixture.hpp"
#include "store/error.hpp"

namespace vka::store::testing {
namespace {

using Outcome = WriteResult::Outcome;
using std::chrono::seconds;

class CollectionRepositoryTest : public CollectionTest {
 protected:
  domain::TaskProgress progress(const std::string& task_id) { return store_->tasks().get(task_id)->progress; }
  std::int64_t events(const std::string& task_id) {
    return count("SELECT COUNT(*) FROM task_events WHERE task_id = '" + task_id + "'");
  }
};

TEST_P(CollectionRepositoryTest, ReplayedPagesChangeNothingAndCountOnce) {
  const LeaseToken lease = start_task("t1");
  ASSERT_EQ(link(lease, "t1", {1, 2}).outcome, Outcome::applied);
  EXPECT_EQ(link(lease, "t1", {1, 2}).counted.groups_total, 0);

  const std::vector<domain::Post> page = {make_post(-1, 10, 1000, 3), make_post(-1, 11, 900, 2)};
  const WriteResult first = posts(lease, "t1", 1, page, false, R"({"offset":2})");
  ASSERT_EQ(first.outcome, Outcome::applied);
  EXPECT_EQ(first.counted.posts_found, 2);
  EXPECT_EQ(first.counted.comments_expected, 5);
  const WriteResult replay = posts(lease, "t1", 1, page, false, R"({"offset":2})");
  ASSERT_EQ(replay.outcome, Outcome::applied);
  EXPECT_EQ(replay.counted.posts_found, 0);
  EXPECT_EQ(replay.counted.comments_expected, 0);

  const std::vector<domain::Comment> comment_page = {make_comment(-1, 10, 100, 500, 1001, "котик пушист"),
                                                     make_comment(-1, 10, 101, 501, 1002, "собак")};
  EXPECT_EQ(comments(lease, "t1", -1, 10, comment_page).counted.comments_collected, 2);
  EXPECT_EQ(comments(lease, "t1", -1, 10, comment_page).counted.comments_collected, 0);

  const domain::TaskProgress p = progress("t1");
  EXPECT_EQ(p.groups_total, 2);
  EXPECT_EQ(p.posts_found, 2);
  EXPECT_EQ(p.comments_expected, 5);
  EXPECT_EQ(p.comments_collected, 2);
  EXPECT_EQ(count("SELECT COUNT(*) FROM posts"), 2);
  EXPECT_EQ(count("SELECT COUNT(*) FROM task_posts"), 2);
  EXPECT_EQ(count("SELECT COUNT(*) FROM comments"), 2);
  EXPECT_EQ(count("SELECT COUNT(*) FROM authors"), 3);  // -1, 500, 501
  EXPECT_EQ(full_text_matches("котик"), 1);
  expect_full_text_index_consistent();
}

TEST_P(CollectionRepositoryTest, UpsertKeepsTheLatestValuesAndAnalysis) {
  const LeaseToken lease = start_task("t1");
  ASSERT_EQ(posts(lease, "t1", std::nullopt, {make_post(-1, 10, 1000, 1)}).outcome, Outcome::applied);
  domain::Comment comment = make_comment(-1, 10, 100, 500, 1001, "котик");
  comments(lease, "t1", -1, 10, {comment});
  comment.likes = 7;
  comment.sentiment = domain::Sentiment::negative;
  comment.sentiment_score = -0.5;
  comment.keywords = {"котик", "выбор"};
  comment.stems = "собак";
  comment.parent_id = 99;
  comment.thread_root_id = 98;
  comments(lease, "t1", -1, 10, {comment});

  const CommentPage page = store_->results().comments({{"t1"}});
  ASSERT_EQ(page.items.size(), 1u);
  EXPECT_EQ(page.items[0].comment, comment);
  EXPECT_EQ(page.items[0].author_name, "user 500");
  EXPECT_EQ(full_text_matches("котик"), 0);
  EXPECT_EQ(full_text_matches("собак"), 1);
}

TEST_P(CollectionRepositoryTest, APageKeepsEveryValueExactlyAndTheLastCopyOfARepeatedComment) {
  const LeaseToken lease = start_task("t1");
  ASSERT_EQ(posts(lease, "t1", std::nullopt, {make_post(-1, 10, 1000, 2)}).outcome, Outcome::applied);
  domain::Comment odd = make_comment(-1, 10, 100, 500, 1001, "котик");
  odd.text = "\"quoted\" \\ back\nslash\t\x01 \x7f 🐱";  // U+0000 never gets here (vk/json_reader.cpp)
  odd.sentiment = domain::Sentiment::positive;
  odd.sentiment_score = 0.1 + 0.2;  // 0.30000000000000004: every digit counts
  odd.keywords = {"котик", "\"кавычки\""};
  odd.phrases = {"пушистый котик"};
  domain::Comment repeated = make_comment(-1, 10, 101, 501, 1002, "собак", 1);
  repeated.sentiment_score = 1.0 / 3;
  domain::Comment last_copy = repeated;
  last_copy.likes = 9;
  last_copy.stems = "кошк";

  const WriteResult written = comments(lease, "t1", -1, 10, {repeated, odd, last_copy});
  EXPECT_EQ(written.counted.comments_collected, 2);
  const CommentPage page = store_->results().comments({{"t1"}});
  ASSERT_EQ(page.items.size(), 2u);
  for (const CommentRow& item : page.items) {
    domain::Comment expected = item.comment.id == odd.id ? odd : last_copy;
    expected.phrases.clear();  // pages leave them out; they are checked below
    EXPECT_EQ(item.comment, expected);
  }
  EXPECT_EQ(count("SELECT COUNT(*) FROM comments WHERE id = 100 AND phrases = '[\"пушистый котик\"]'"), 1);
  EXPECT_EQ(full_text_matches("собак"), 0);
  EXPECT_EQ(full_text_matches("кошк"), 1);
  expect_full_text_index_consistent();
}

TEST_P(CollectionRepositoryTest, StaleGenerationWritesNothing) {
  const LeaseToken stale = start_task("t1");
  link(stale, "t1", {1});
  // The first worker stalls past its lease; another worker takes the job over with a higher generation.
  const auto taken = store_->jobs().lease("w2", at(200), seconds(30));
  ASSERT_TRUE(taken);
  EXPECT_EQ(taken->generation, stale.generation + 1);

  const auto before_events = events("t1");
  EXPECT_EQ(posts(stale, "t1", 1, {make_post(-1, 10, 1000, 3)}).outcome, Outcome::lease_lost);
  EXPECT_EQ(link(stale, "t1", {2}).outcome, Outcome::lease_lost);
  EXPECT_EQ(count("SELECT COUNT(*) FROM posts"), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM task_communities"), 1);
  EXPECT_EQ(progress("t1").posts_found, 0);
  EXPECT_EQ(events("t1"), before_events);

  EXPECT_EQ(posts(taken->token(), "t1", 1, {make_post(-1, 10, 1000, 3)}).outcome, Outcome::applied);
}

TEST_P(CollectionRepositoryTest, FinishedOrOtherTasksJobsAreNotALease) {
  const LeaseToken t1 = start_task("t1");
  start_task("t2", 150);
  // A token of t1's job does not let anyone write into t2.
  EXPECT_EQ(link(t1, "t2", {1}).outcome, Outcome::lease_lost);
  ASSERT_TRUE(store_->jobs().complete(t1, at(160)));
  EXPECT_EQ(link(t1, "t1", {1}).outcome, Outcome::lease_lost);
  EXPECT_EQ(count("SELECT COUNT(*) FROM task_communities"), 0);
}

TEST_P(CollectionRepositoryTest, CommentsCountWhatAnotherTaskStoredFirst) {
  const LeaseToken t1 = start_task("t1");
  posts(t1, "t1", std::nullopt, {make_post(-1, 10, 1000, 3)});
  comments(t1, "t1", -1, 10, {make_comment(-1, 10, 100, 500, 1001), make_comment(-1, 10, 101, 500, 1002)});

  const LeaseToken t2 = start_task("t2", 150);
  EXPECT_EQ(posts(t2, "t2", std::nullopt, {make_post(-1, 10, 1000, 3)}).counted.posts_found, 1);
  // t2 rereads the first comments (already stored by t1) and one more: all three are new to t2.
  const WriteResult result = comments(t2, "t2", -1, 10,
                                      {make_comment(-1, 10, 100, 500, 1001), make_comment(-1, 10, 101, 500, 1002),
                                       make_comment(-1, 10, 102, 501, 1003)},
                                      true);
  EXPECT_EQ(result.counted.comments_collected, 3);
  EXPECT_EQ(result.counted.posts_done, 1);
  EXPECT_EQ(progress("t2").comments_collected, 3);
  EXPECT_EQ(progress("t1").comments_collected, 2);
}

TEST_P(CollectionRepositoryTest, CommentsNeedThePostLinkedAndOfThatPost) {
  const LeaseToken lease = start_task("t1");
  EXPECT_THROW(comments(lease, "t1", -1, 10, {make_comment(-1, 10, 100, 500, 1001)}), StoreError);
  posts(lease, "t1", std::nullopt, {make_post(-1, 10, 1000, 3)});
  EXPECT_THROW(comments(lease, "t1", -1, 10, {make_comment(-1, 11, 100, 500, 1001)}), StoreError);
  EXPECT_EQ(count("SELECT COUNT(*) FROM comments"), 0);
}

TEST_P(CollectionRepositoryTest, DoneAndSkippedCountOnceAndErrorsAreRecordedOnce) {
  const LeaseToken lease = start_task("t1");
  CommunitiesWrite write{"t1", {}, {3, 0, std::nullopt}, event_named("group.resolved"), at(101)};
  write.links.push_back({make_community(1), LinkStatus::pending, std::nullopt});
  write.links.push_back({make_community(2), LinkStatus::skipped,
                         domain::TaskError{"group:-2", "vk_access_denied", 15, "private community", at(101)}});
  const WriteResult first = store_->collection().link_communities(lease, write);
  EXPECT_EQ(first.counted.groups_total, 2);
  EXPECT_EQ(first.counted.groups_done, 1);
  EXPECT_EQ(first.counted.vk_requests, 3);
  const WriteResult replay = store_->collection().link_communities(lease, write);
  EXPECT_EQ(replay.counted.groups_total, 0);
  EXPECT_EQ(replay.counted.groups_done, 0);

  EXPECT_EQ(posts(lease, "t1", 1, {make_post(-1, 10, 1000)}, true).counted.groups_done, 1);
  EXPECT_EQ(posts(lease, "t1", 1, {make_post(-1, 10, 1000)}, true).counted.groups_done, 0);

  const LinkFinish closed{"t1",
                          LinkStatus::skipped,
                          domain::TaskError{"post:-1_10", "vk_comments_closed", 212, "comments closed", at(104)},
                          {},
                          event_named("post.skipped"),
                          at(104)};
  EXPECT_EQ(store_->collection().finish_post(lease, -1, 10, closed).counted.posts_done, 1);
  EXPECT_EQ(store_->collection().finish_post(lease, -1, 10, closed).counted.posts_done, 0);

  const domain::Task task = *store_->tasks().get("t1");
  EXPECT_EQ(task.progress.groups_total, 2);
  EXPECT_EQ(task.progress.groups_done, 2);
  EXPECT_EQ(task.progress.posts_done, 1);
  EXPECT_EQ(task.progress.vk_requests, 6);
  ASSERT_EQ(task.errors.size(), 2u);
  EXPECT_EQ(task.errors[0].code, "vk_access_denied");
  EXPECT_EQ(task.errors[1].scope, "post:-1_10");
}

TEST_P(CollectionRepositoryTest, EventIsBuiltFromWhatWasCountedAndWrittenWithIt) {
  const LeaseToken lease = start_task("t1");
  posts(lease, "t1", std::nullopt, {make_post(-1, 10, 1000, 3)});
  CommentsPageWrite write;
  write.task_id = "t1";
  write.owner_id = -1;
  write.post_id = 10;
  write.comments = {make_comment(-1, 10, 100, 500, 1001), make_comment(-1, 10, 101, 500, 1002)};
  write.event = [](const domain::TaskProgress& counted) {
    return NewEvent{"comments.ingested", "{\"comments\":" + std::to_string(counted.comments_collected) + "}"};
  };
  write.at = at(120);
  const WriteResult result = store_->collection().write_comments(lease, write);
  ASSERT_TRUE(result.event);
  EXPECT_EQ(result.event->payload_json, R"({"comments":2})");
  EXPECT_EQ(store_->events().list("t1", result.event->seq - 1, 1).at(0).payload_json, R"({"comments":2})");
}

TEST_P(CollectionRepositoryTest, ResumePointsReadBack) {
  const LeaseToken lease = start_task("t1");
  link(lease, "t1", {2, 1});
  posts(lease, "t1", 1, {make_post(-1, 10, 1000, 4), make_post(-1, 11, 990, 1), make_post(-1, 12, 980)}, false,
        R"({"offset":3})");
  comments(lease, "t1", -1, 10, {make_comment(-1, 10, 100, 500, 1001)}, false, R"({"after":100})");
  comments(lease, "t1", -1, 11, {make_comment(-1, 11, 110, 500, 1001)}, true);

  const std::vector<CommunityState> communities = store_->collection().communities("t1");
  ASSERT_EQ(communities.size(), 2u);
  EXPECT_EQ(communities[0].community_id, 1);
  EXPECT_EQ(communities[0].status, LinkStatus::running);
  EXPECT_EQ(communities[0].checkpoint_json, R"({"offset":3})");
  EXPECT_EQ(communities[1].status, LinkStatus::pending);
  EXPECT_EQ(communities[1].checkpoint_json, std::nullopt);

  const std::vector<PostState> open = store_->collection().posts({"t1"});
  ASSERT_EQ(open.size(), 2u);
  EXPECT_EQ(open[0].post_id, 10);
  EXPECT_EQ(open[0].status, LinkStatus::running);
  EXPECT_EQ(open[0].checkpoint_json, R"({"after":100})");
  EXPECT_EQ(open[0].comments_count, 4);
  EXPECT_EQ(open[0].comments_collected, 1);
  EXPECT_EQ(open[1].post_id, 12);
  EXPECT_EQ(open[1].status, LinkStatus::pending);

  const std::vector<PostState> all =
      store_->collection().posts({"t1", false, std::pair<std::int64_t, std::int64_t>{-1, 10}, 1});
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0].post_id, 11);
  EXPECT_EQ(all[0].status, LinkStatus::done);
}

INSTANTIATE_TEST_SUITE_P(Engines, CollectionRepositoryTest, engines(), engine_name);

}  // namespace
}  // namespace vka::store::testing
