#include "app/collect_task.hpp"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>

#include "api/task_creation.hpp"

namespace vka::app {
namespace {

class CollectTaskTest : public ::testing::Test {
 protected:
  CollectTaskTest() {
    std::string pattern = (std::filesystem::temp_directory_path() / "vka-collect-task-XXXXXX").string();
    if (!mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
    dir_ = pattern;
    store_ = store::open_store("sqlite://" + (dir_ / "collect.db").string());
    store_->migrate();
  }
  ~CollectTaskTest() override {
    store_->close();
    std::filesystem::remove_all(dir_);
  }

  static domain::TaskParams params(int posts_per_group = 10) {
    domain::TaskParams p;
    p.groups = {domain::GroupRef{std::string{"apiclub"}}, domain::GroupRef{std::int64_t{1}}};
    p.posts_per_group = posts_per_group;
    return p;
  }

  void set_status(const domain::Task& task, domain::TaskStatus from, domain::TaskStatus to) {
    const auto result = store_->tasks().transition(
        task.id, {.from = from, .to = to, .at = domain::now(), .event = {"task.test", "{}"}});
    ASSERT_EQ(result.outcome, store::TransitionResult::Outcome::applied);
  }

  // The task's collection stops at `to` (paused, or finished) and its job ends, as the collector does.
  void stop_collecting(const domain::Task& task, domain::TaskStatus to) {
    const auto job = store_->jobs().lease("w", domain::now(), std::chrono::seconds{30});
    ASSERT_TRUE(job);
    set_status(task, domain::TaskStatus::queued, to);
    ASSERT_TRUE(store_->jobs().complete(job->token(), domain::now()));
  }

  std::filesystem::path dir_;
  std::unique_ptr<store::Store> store_;
};

TEST_F(CollectTaskTest, CreatesAQueuedTaskWithItsJob) {
  const auto chosen = find_or_create_task(*store_, params(), true);
  EXPECT_EQ(chosen.origin, TaskOrigin::created);
  EXPECT_EQ(chosen.task.status, domain::TaskStatus::queued);
  EXPECT_EQ(chosen.task.owner, collect_owner);
  EXPECT_EQ(store_->jobs().counts().queued, 1);
}

TEST_F(CollectTaskTest, ResumesTheUnfinishedTaskWithTheSameParams) {
  const auto first = find_or_create_task(*store_, params(), true).task;
  set_status(first, domain::TaskStatus::queued, domain::TaskStatus::running);
  auto renamed = params();
  renamed.name = "another name";  // names do not make a task different
  const auto again = find_or_create_task(*store_, renamed, true);
  EXPECT_EQ(again.origin, TaskOrigin::resumed);
  EXPECT_EQ(again.task.id, first.id);
  EXPECT_EQ(again.task.status, domain::TaskStatus::running);
  EXPECT_EQ(store_->jobs().counts().queued, 1);
}

TEST_F(CollectTaskTest, APausedTaskIsQueuedAgainWithAJob) {
  const auto first = find_or_create_task(*store_, params(), true).task;
  stop_collecting(first, domain::TaskStatus::paused);
  const auto again = find_or_create_task(*store_, params(), true);
  EXPECT_EQ(again.origin, TaskOrigin::resumed);
  EXPECT_EQ(again.task.id, first.id);
  EXPECT_EQ(again.task.status, domain::TaskStatus::queued);
  EXPECT_EQ(store_->tasks().get(first.id)->status, domain::TaskStatus::queued);
  EXPECT_EQ(store_->jobs().counts().queued, 1);
}

TEST_F(CollectTaskTest, ACompletedTaskIsReusedAsItIsWithoutRefresh) {
  const auto first = find_or_create_task(*store_, params(), true).task;
  stop_collecting(first, domain::TaskStatus::completed_with_errors);
  const auto again = find_or_create_task(*store_, params(), false);
  EXPECT_EQ(again.origin, TaskOrigin::finished);
  EXPECT_EQ(again.task.id, first.id);
  EXPECT_EQ(again.task.status, domain::TaskStatus::completed_with_errors);
  EXPECT_EQ(store_->jobs().counts().queued, 0);
}

TEST_F(CollectTaskTest, ACompletedTaskIsRefreshedWithAJob) {
  const auto first = find_or_create_task(*store_, params(), true).task;
  stop_collecting(first, domain::TaskStatus::completed);
  const auto again = find_or_create_task(*store_, params(), true);
  EXPECT_EQ(again.origin, TaskOrigin::refreshed);
  EXPECT_EQ(again.task.id, first.id);
  EXPECT_EQ(again.task.status, domain::TaskStatus::queued);
  EXPECT_EQ(store_->tasks().get(first.id)->status, domain::TaskStatus::queued);
  EXPECT_EQ(store_->jobs().counts().queued, 1);
}

TEST_F(CollectTaskTest, ACanceledTaskIsCollectedAnew) {
  const auto before = find_or_create_task(*store_, params(), true).task;
  set_status(before, domain::TaskStatus::queued, domain::TaskStatus::canceled);
  const auto after = find_or_create_task(*store_, params(), true);
  EXPECT_EQ(after.origin, TaskOrigin::created);
  EXPECT_NE(after.task.id, before.id);
}

TEST_F(CollectTaskTest, AFailedTaskIsResumedFromItsCheckpointsWithoutWhyItFailed) {
  const auto first = find_or_create_task(*store_, params(), true).task;
  const auto job = store_->jobs().lease("w", domain::now(), std::chrono::seconds{30});
  ASSERT_TRUE(job);
  store_->tasks().add_error(first.id, {"task", "vk_no_usable_token", std::nullopt, "no VK token", domain::now()},
                            {"task.error", "{}"});
  store_->tasks().add_error(first.id, {"group:-5", "vk_access_denied", 15, "private", domain::now()},
                            {"task.error", "{}"});
  const auto failed = store_->tasks().transition(first.id, {.from = domain::TaskStatus::queued,
                                                            .to = domain::TaskStatus::failed,
                                                            .at = domain::now(),
                                                            .finished_at = domain::now(),
                                                            .event = {"task.failed", "{}"}});
  ASSERT_TRUE(failed.task->finished_at);
  ASSERT_TRUE(store_->jobs().fail(job->token(), "no VK token", domain::now()));
  const auto again = find_or_create_task(*store_, params(), true);
  EXPECT_EQ(again.origin, TaskOrigin::resumed);
  EXPECT_EQ(again.task.id, first.id);
  EXPECT_EQ(again.task.status, domain::TaskStatus::queued);
  EXPECT_FALSE(again.task.finished_at);
  ASSERT_EQ(again.task.errors.size(), 1u);
  EXPECT_EQ(again.task.errors[0].scope, "group:-5");
  EXPECT_EQ(store_->jobs().counts().queued, 1);
}

TEST_F(CollectTaskTest, OtherParamsOrOtherOwnersGetTheirOwnTask) {
  api::create_task(*store_, params(), "someone-else");
  const auto mine = find_or_create_task(*store_, params(), true);
  EXPECT_EQ(mine.origin, TaskOrigin::created);
  const auto more_posts = find_or_create_task(*store_, params(50), true);
  EXPECT_EQ(more_posts.origin, TaskOrigin::created);
  EXPECT_NE(more_posts.task.id, mine.task.id);
  EXPECT_EQ(find_or_create_task(*store_, params(), true).task.id, mine.task.id);
}

}  // namespace
}  // namespace vka::app
