// A refresh of a finished task, as the store sees it: the transition that starts it reopens the task's walls,
// a wall page reopens the done posts whose comments count changed (and only those), a re-read post takes its
// edits and deletions, every row knows when it was first and last seen, and the analytics read models equal a
// recomputation afterwards.
#include <gtest/gtest.h>

#include "collection_fixture.hpp"

namespace vka::store::testing {
namespace {

using S = domain::Sentiment;
using Key = std::pair<std::int64_t, std::int64_t>;

domain::Comment labelled(std::int64_t post, std::int64_t id, std::int64_t from, S sentiment, std::string keyword) {
  domain::Comment c = make_comment(-1, post, id, from, 1795428000 + id * 60, "", 1);
  c.sentiment = sentiment;
  c.keywords = {std::move(keyword)};
  return c;
}

class RefreshTest : public CollectionTest {
 protected:
  void SetUp() override {
    CollectionTest::SetUp();
    if (IsSkipped()) return;
    lease_ = start_task("t1");
    link(lease_, "t1", {1});
    posts(lease_, "t1", 1, {make_post(-1, 10, 1000, 2), make_post(-1, 11, 1000, 1)}, true, R"({"offset":2})");
    comments(lease_, "t1", -1, 10,
             {labelled(10, 100, 500, S::positive, "котик"), labelled(10, 101, 501, S::neutral, "дом")}, true);
    comments(lease_, "t1", -1, 11, {labelled(11, 110, 502, S::negative, "собака")}, true);
    move("t1", domain::TaskStatus::queued, domain::TaskStatus::running, 104);
    move("t1", domain::TaskStatus::running, domain::TaskStatus::completed, 105);
    ASSERT_TRUE(store_->jobs().complete(lease_, at(105)));
  }

  TransitionResult move(const std::string& task_id, domain::TaskStatus from, domain::TaskStatus to, std::int64_t when,
                        std::vector<WallRestart> restarts = {}) {
    TaskTransition change{.from = from, .to = to, .at = at(when), .event = {"task.moved", "{}"}};
    if (to == domain::TaskStatus::completed) change.finished_at = at(when);
    change.restart_walls = std::move(restarts);
    return store_->tasks().transition(task_id, change);
  }

  // Starts the refresh and leases its job.
  void start_refresh() {
    TaskTransition change{.from = domain::TaskStatus::completed,
                          .to = domain::TaskStatus::queued,
                          .at = at(200),
                          .started_at = at(200),
                          .event = {"task.refresh_started", "{}"},
                          .job = collect_job(at(200)),
                          .restart_walls = {{1, R"({"offset":0,"posts_seen":0})"}}};
    ASSERT_EQ(store_->tasks().transition("t1", change).outcome, TransitionResult::Outcome::applied);
    const auto job = store_->jobs().lease("worker", at(201), std::chrono::seconds(30));
    ASSERT_TRUE(job);
    lease_ = job->token();
  }

  WriteResult wall_page(std::vector<domain::Post> page) {
    PostsPageWrite write{.task_id = "t1", .community_id = 1, .posts = std::move(page), .community_done = true};
    write.event = event_named("post.collected");
    write.at = at(300);
    return store_->collection().write_posts(lease_, write);
  }

  WriteResult comments_page(std::int64_t post_id, std::vector<domain::Comment> page) {
    CommentsPageWrite write{.task_id = "t1", .owner_id = -1, .post_id = post_id, .comments = std::move(page)};
    write.post_done = true;
    write.event = event_named("comments.ingested");
    write.at = at(301);
    return store_->collection().write_comments(lease_, write);
  }

  domain::TaskProgress progress() { return store_->tasks().get("t1")->progress; }

  LeaseToken lease_;
};

TEST_P(RefreshTest, StartingReopensTheDoneWallsOnly) {
  EXPECT_EQ(progress().groups_done, 1);
  start_refresh();
  EXPECT_EQ(text_of("SELECT status FROM task_communities WHERE task_id = 't1'"), "running");
  EXPECT_EQ(text_of("SELECT checkpoint FROM task_communities WHERE task_id = 't1'"), R"({"offset":0,"posts_seen":0})");
  EXPECT_EQ(progress().groups_done, 0);
  const auto task = store_->tasks().get("t1");
  EXPECT_EQ(task->status, domain::TaskStatus::queued);
  EXPECT_TRUE(domain::is_refreshing(*task));  // finished_at still tells when the collection ended
}

TEST_P(RefreshTest, AWallPageOpensTheNewPostsAndThoseWhoseCountChanged) {
  start_refresh();
  const auto written =
      wall_page({make_post(-1, 12, 2000, 1), make_post(-1, 10, 1000, 3, 40), make_post(-1, 11, 1000, 1)});
  ASSERT_EQ(written.outcome, WriteResult::Outcome::applied);
  EXPECT_EQ(written.opened, (std::vector<Key>{{-1, 10}, {-1, 12}}));
  EXPECT_EQ(text_of("SELECT status FROM task_posts WHERE post_id = 10"), "running");
  EXPECT_EQ(count("SELECT COUNT(*) FROM task_posts WHERE post_id = 10 AND checkpoint IS NULL"), 1);
  EXPECT_EQ(text_of("SELECT status FROM task_posts WHERE post_id = 11"), "done");
  EXPECT_EQ(count("SELECT likes FROM posts WHERE id = 10"), 40);
  EXPECT_EQ(written.counted.posts_done, -1);
  EXPECT_EQ(written.counted.posts_found, 1);
  EXPECT_EQ(written.counted.comments_expected, 1 + 1);  // the new post's, and one more on post 10
  EXPECT_EQ(count("SELECT first_seen_at FROM posts WHERE id = 10"), 102);
  EXPECT_EQ(count("SELECT last_seen_at FROM posts WHERE id = 10"), 300);
  EXPECT_EQ(count("SELECT first_seen_at FROM posts WHERE id = 12"), 300);

  // Replaying the page opens nothing again: post 10 is running, not done.
  EXPECT_TRUE(wall_page({make_post(-1, 10, 1000, 3, 40)}).opened.empty());
}

TEST_P(RefreshTest, AReReadPostTakesEditsDeletionsAndNewCommentsAndTheReadModelsStayExact) {
  start_refresh();
  wall_page({make_post(-1, 10, 1000, 2), make_post(-1, 11, 1000, 1)});  // a deletion and a new one: count equal
  EXPECT_EQ(text_of("SELECT status FROM task_posts WHERE post_id = 10"), "done");
  wall_page({make_post(-1, 10, 1000, 3), make_post(-1, 11, 1000, 1)});
  domain::Comment edited = labelled(10, 100, 500, S::negative, "собака");
  edited.text = "edited";
  edited.phrases = {"горячая вода"};
  domain::Comment deleted = labelled(10, 101, 501, S::neutral, "дом");
  deleted.deleted = true;
  deleted.text.clear();
  deleted.sentiment.reset();
  deleted.keywords.clear();
  comments_page(10, {edited, deleted, labelled(10, 102, 503, S::positive, "котик"),
                     labelled(10, 103, 504, S::positive, "котик")});
  EXPECT_EQ(text_of("SELECT text FROM comments WHERE id = 100"), "edited");
  EXPECT_EQ(count("SELECT COUNT(*) FROM comments WHERE id = 101 AND deleted"), 1);
  EXPECT_EQ(count("SELECT first_seen_at FROM comments WHERE id = 100"), 103);
  EXPECT_EQ(count("SELECT last_seen_at FROM comments WHERE id = 100"), 301);
  EXPECT_EQ(count("SELECT first_seen_at FROM comments WHERE id = 103"), 301);
  EXPECT_EQ(text_of("SELECT status FROM task_posts WHERE post_id = 10"), "done");
  const auto now = progress();
  EXPECT_EQ(now.posts_done, 2);
  EXPECT_EQ(now.comments_collected, 5);
  EXPECT_EQ(text_of("SELECT keyword || '|' || comments FROM task_owner_keywords WHERE task_id = 't1' AND keyword = "
                    "'котик'"),
            "котик|2");

  expect_rebuild_changes_nothing("t1");
}

TEST_P(RefreshTest, EndingSetsLastRefreshedAt) {
  start_refresh();
  move("t1", domain::TaskStatus::queued, domain::TaskStatus::running, 400);
  TaskTransition end{.from = domain::TaskStatus::running,
                     .to = domain::TaskStatus::completed,
                     .at = at(500),
                     .finished_at = at(500),
                     .event = {"task.refreshed", "{}"},
                     .refreshed = true};
  ASSERT_EQ(store_->tasks().transition("t1", end).outcome, TransitionResult::Outcome::applied);
  const auto task = store_->tasks().get("t1");
  EXPECT_EQ(task->last_refreshed_at, at(500));
  EXPECT_EQ(task->finished_at, at(500));
  EXPECT_FALSE(domain::is_refreshing(*task));
}

TEST_P(RefreshTest, ADueScheduleIsClaimedOnceAndMovesOnByItsPeriod) {
  const auto updated = store_->tasks().update(
      "t1", {.schedule = std::optional(domain::TaskSchedule{std::chrono::hours(6)}), .at = at(1000)},
      {"task.updated", "{}"});
  ASSERT_TRUE(updated);
  EXPECT_EQ(updated->next_refresh_at, at(1000 + 6 * 3600));
  EXPECT_FALSE(store_->tasks().claim_due_refresh(at(1000 + 6 * 3600 - 1)));
  EXPECT_EQ(store_->tasks().claim_due_refresh(at(1000 + 6 * 3600 + 5)), "t1");
  EXPECT_FALSE(store_->tasks().claim_due_refresh(at(1000 + 6 * 3600 + 5)));  // claimed: due again one period on
  EXPECT_EQ(store_->tasks().get("t1")->next_refresh_at, at(1000 + 12 * 3600 + 5));
  const auto cleared = store_->tasks().update("t1", {.schedule = std::optional<domain::TaskSchedule>{}, .at = at(2000)},
                                              {"task.updated", "{}"});
  EXPECT_FALSE(cleared->schedule);
  EXPECT_FALSE(cleared->next_refresh_at);
  EXPECT_FALSE(store_->tasks().update("nope", {.at = at(1)}, {"task.updated", "{}"}));
}

INSTANTIATE_TEST_SUITE_P(Engines, RefreshTest, engines(), engine_name);

}  // namespace
}  // namespace vka::store::testing
