#include <gtest/gtest.h>

#include "store/error.hpp"
#include "store_fixture.hpp"

namespace vka::store::testing {
namespace {

using domain::TaskStatus;
using Outcome = TransitionResult::Outcome;

class TaskRepositoryTest : public StoreTest {};

TEST_P(TaskRepositoryTest, CreateGetRoundTripsEveryField) {
  domain::Task task = make_task("t1", "alice", 1'700'000'000);
  task.params.name = "Election threads";
  task.params.posts = {{-1, 123}, {42, 7}};
  task.params.posts_per_group = 250;
  task.params.since = at(1'690'000'000);
  task.params.until = at(1'700'000'000);
  task.params.threads = false;
  task.params.vk_token_id = "tok_1";
  task.progress = {3, 1, 30, 12, 5230, 2210, 41, 2, 14};
  task.started_at = at(1'700'000'010);

  const StoredEvent event = store_->tasks().create(task, {"task.created", R"({"by":"alice"})"}, collect_job(at(1)));
  EXPECT_EQ(event.seq, 1);
  EXPECT_EQ(event.task_id, "t1");

  const auto loaded = store_->tasks().get("t1");
  ASSERT_TRUE(loaded);
  EXPECT_EQ(loaded->id, "t1");
  EXPECT_EQ(loaded->owner, "alice");
  EXPECT_EQ(loaded->status, TaskStatus::queued);
  EXPECT_EQ(loaded->created_at, task.created_at);
  EXPECT_EQ(loaded->started_at, task.started_at);
  EXPECT_EQ(loaded->finished_at, std::nullopt);
  EXPECT_EQ(loaded->params.name, task.params.name);
  EXPECT_EQ(loaded->params.groups, task.params.groups);
  EXPECT_EQ(loaded->params.posts, task.params.posts);
  EXPECT_EQ(loaded->params.posts_per_group, 250);
  EXPECT_EQ(loaded->params.since, task.params.since);
  EXPECT_EQ(loaded->params.until, task.params.until);
  EXPECT_FALSE(loaded->params.threads);
  EXPECT_EQ(loaded->params.vk_token_id, "tok_1");
  EXPECT_EQ(loaded->progress.comments_expected, 5230);
  EXPECT_EQ(loaded->progress.retries, 2);
  EXPECT_EQ(loaded->progress.eta_seconds, 14);
  EXPECT_TRUE(loaded->errors.empty());
}

TEST_P(TaskRepositoryTest, CreateEnqueuesTheFirstJobAndEventAtomically) {
  create(make_task("t1", "alice", 100));
  EXPECT_EQ(count("SELECT COUNT(*) FROM jobs WHERE task_id = 't1' AND kind = 'collect' AND state = 'queued'"), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM task_events WHERE task_id = 't1' AND seq = 1"), 1);

  // A second create with the same id fails as a whole: no second job, no second event.
  try {
    create(make_task("t1", "bob", 200));
    FAIL() << "expected a conflict";
  } catch (const StoreError& e) {
    EXPECT_EQ(e.kind(), StoreErrorKind::conflict);
  }
  EXPECT_EQ(count("SELECT COUNT(*) FROM jobs"), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM task_events"), 1);
  EXPECT_EQ(store_->tasks().get("t1")->owner, "alice");
}

TEST_P(TaskRepositoryTest, InvalidEventPayloadRollsBackTheCreate) {
  EXPECT_THROW(store_->tasks().create(make_task("t1", "alice", 100), {"task.created", "{not json"}, collect_job(at(1))),
               StoreError);
  EXPECT_FALSE(store_->tasks().get("t1"));
  EXPECT_EQ(count("SELECT COUNT(*) FROM jobs"), 0);
}

TEST_P(TaskRepositoryTest, GetUnknownIsEmpty) { EXPECT_FALSE(store_->tasks().get("nope")); }

TEST_P(TaskRepositoryTest, TransitionIsCompareAndSet) {
  create(make_task("t1", "alice", 100));
  TaskTransition start{TaskStatus::queued, TaskStatus::running, at(150), at(150), std::nullopt, {"task.started", "{}"}};

  const auto started = store_->tasks().transition("t1", start);
  ASSERT_EQ(started.outcome, Outcome::applied);
  EXPECT_EQ(started.task->status, TaskStatus::running);
  EXPECT_EQ(started.task->started_at, at(150));
  ASSERT_TRUE(started.event);
  EXPECT_EQ(started.event->seq, 2);
  EXPECT_EQ(started.event->type, "task.started");

  // The same transition again sees the new status and changes nothing.
  const auto again = store_->tasks().transition("t1", start);
  EXPECT_EQ(again.outcome, Outcome::status_changed);
  ASSERT_TRUE(again.task);
  EXPECT_EQ(again.task->status, TaskStatus::running);
  EXPECT_FALSE(again.event);
  EXPECT_EQ(count("SELECT COUNT(*) FROM task_events WHERE task_id = 't1'"), 2);

  const auto missing = store_->tasks().transition("nope", start);
  EXPECT_EQ(missing.outcome, Outcome::not_found);
  EXPECT_FALSE(missing.task);
}

TEST_P(TaskRepositoryTest, TransitionKeepsTimestampsNotGivenAndEnqueuesItsJob) {
  create(make_task("t1", "alice", 100));
  store_->tasks().transition(
      "t1", {TaskStatus::queued, TaskStatus::running, at(150), at(150), std::nullopt, {"task.started", "{}"}});
  store_->tasks().transition(
      "t1", {TaskStatus::running, TaskStatus::paused, at(160), std::nullopt, std::nullopt, {"task.paused", "{}"}});
  // The first job ended (a task has at most one live job of a kind, so resuming would otherwise add none).
  raw()->execute("UPDATE jobs SET state = 'done' WHERE task_id = 't1'");
  const auto resumed = store_->tasks().transition("t1", {TaskStatus::paused,
                                                         TaskStatus::queued,
                                                         at(170),
                                                         std::nullopt,
                                                         std::nullopt,
                                                         {"task.resumed", "{}"},
                                                         NewJob{"collect", R"({"resume":true})", 5, at(170)}});
  ASSERT_EQ(resumed.outcome, Outcome::applied);
  EXPECT_EQ(resumed.task->started_at, at(150));
  EXPECT_EQ(resumed.task->finished_at, std::nullopt);
  EXPECT_EQ(count("SELECT COUNT(*) FROM jobs WHERE task_id = 't1' AND priority = 5"), 1);

  const auto done = store_->tasks().transition(
      "t1", {TaskStatus::queued, TaskStatus::completed, at(200), std::nullopt, at(200), {"task.completed", "{}"}});
  EXPECT_EQ(done.task->finished_at, at(200));
  EXPECT_EQ(done.task->started_at, at(150));
}

TEST_P(TaskRepositoryTest, OnlyARunningTaskWaitsAndAnyTransitionEndsTheWait) {
  create(make_task("t1", "alice", 100));
  const domain::TaskWaiting waiting{"VK unreachable: connect to api.vk.ru failed: Connection refused", at(150)};
  EXPECT_FALSE(store_->tasks().set_waiting("t1", waiting, at(150), {"task.waiting", "{}"})) << "queued";
  EXPECT_FALSE(store_->tasks().set_waiting("nope", waiting, at(150), {"task.waiting", "{}"}));
  store_->tasks().transition(
      "t1", {TaskStatus::queued, TaskStatus::running, at(150), at(150), std::nullopt, {"task.started", "{}"}});
  ASSERT_TRUE(store_->tasks().set_waiting("t1", waiting, at(160), {"task.waiting", R"({"reason":"x"})"}));
  EXPECT_EQ(store_->tasks().get("t1")->waiting, waiting);
  EXPECT_EQ(count("SELECT COUNT(*) FROM task_events WHERE task_id = 't1' AND type = 'task.waiting'"), 1);
  ASSERT_TRUE(store_->tasks().set_waiting("t1", std::nullopt, at(170), {"task.waiting", R"({"reason":null})"}));
  EXPECT_FALSE(store_->tasks().get("t1")->waiting);

  ASSERT_TRUE(store_->tasks().set_waiting("t1", waiting, at(180), {"task.waiting", "{}"}));
  const auto paused = store_->tasks().transition(
      "t1", {TaskStatus::running, TaskStatus::paused, at(190), std::nullopt, std::nullopt, {"task.paused", "{}"}});
  EXPECT_FALSE(paused.task->waiting);
  EXPECT_FALSE(store_->tasks().list({}).items.at(0).waiting);
}

TEST_P(TaskRepositoryTest, AReopenedFailedTaskLosesItsEndAndWhyItFailedButKeepsWhatWasRefused) {
  create(make_task("t1", "alice", 100));
  store_->tasks().add_error("t1", {"group:-42", "vk_access_denied", 15, "Access denied.", at(140)},
                            {"task.error", "{}"});
  store_->tasks().add_error("t1", {"task", "vk_no_usable_token", std::nullopt, "no token", at(150)},
                            {"task.error", "{}"});
  store_->tasks().transition(
      "t1", {TaskStatus::queued, TaskStatus::failed, at(150), std::nullopt, at(150), {"task.failed", "{}"}});
  raw()->execute("UPDATE jobs SET state = 'failed' WHERE task_id = 't1'");
  TaskTransition resume{TaskStatus::failed,
                        TaskStatus::queued,
                        at(200),
                        std::nullopt,
                        std::nullopt,
                        {"task.queued", "{}"},
                        NewJob{"collect", "{}", 0, at(200)}};
  resume.reopen = true;
  const auto resumed = store_->tasks().transition("t1", resume);
  ASSERT_EQ(resumed.outcome, Outcome::applied);
  EXPECT_EQ(resumed.task->status, TaskStatus::queued);
  EXPECT_EQ(resumed.task->finished_at, std::nullopt);
  ASSERT_EQ(resumed.task->errors.size(), 1u);
  EXPECT_EQ(resumed.task->errors[0].scope, "group:-42");
  EXPECT_EQ(count("SELECT COUNT(*) FROM jobs WHERE task_id = 't1' AND state = 'queued'"), 1);
}

TEST_P(TaskRepositoryTest, CountsTasksByStatusAndTheWaitingOnes) {
  EXPECT_TRUE(store_->tasks().counts().by_status.empty());
  for (const char* id : {"a", "b", "c"}) create(make_task(id, "alice", 100));
  for (const char* id : {"a", "b"})
    store_->tasks().transition(
        id, {TaskStatus::queued, TaskStatus::running, at(150), at(150), std::nullopt, {"task.started", "{}"}});
  store_->tasks().set_waiting("a", domain::TaskWaiting{"VK unreachable", at(160)}, at(160), {"task.waiting", "{}"});
  store_->tasks().transition(
      "c", {TaskStatus::queued, TaskStatus::failed, at(150), std::nullopt, at(150), {"task.failed", "{}"}});
  const auto counts = store_->tasks().counts();
  EXPECT_EQ(counts.by_status, (std::map<TaskStatus, std::int64_t>{{TaskStatus::running, 2}, {TaskStatus::failed, 1}}));
  EXPECT_EQ(counts.waiting, 1);
}

TEST_P(TaskRepositoryTest, ProgressAddsUpAndErrorsKeepTheirOrder) {
  create(make_task("t1", "alice", 100));
  domain::TaskProgress delta;
  delta.groups_total = 3;
  delta.posts_found = 10;
  delta.comments_expected = 500;
  const auto first = store_->tasks().add_progress("t1", delta, at(110), {"group.resolved", "{}"});
  ASSERT_TRUE(first);
  delta = {};
  delta.posts_found = 5;
  delta.comments_collected = 42;
  delta.eta_seconds = 30;
  store_->tasks().add_progress("t1", delta, at(120), {"comments.ingested", R"({"count":42})"});

  store_->tasks().add_error("t1", {"group:-42", "vk_access_denied", 15, "Access denied", at(130)},
                            {"group.skipped", "{}"});
  store_->tasks().add_error("t1", {"post:-1_5", "vk_comments_closed", std::nullopt, "Comments are closed", at(131)},
                            {"post.skipped", "{}"});

  const auto task = store_->tasks().get("t1");
  EXPECT_EQ(task->progress.groups_total, 3);
  EXPECT_EQ(task->progress.posts_found, 15);
  EXPECT_EQ(task->progress.comments_expected, 500);
  EXPECT_EQ(task->progress.comments_collected, 42);
  EXPECT_EQ(task->progress.eta_seconds, 30);
  ASSERT_EQ(task->errors.size(), 2u);
  EXPECT_EQ(task->errors[0].scope, "group:-42");
  EXPECT_EQ(task->errors[0].vk_error_code, 15);
  EXPECT_EQ(task->errors[0].at, at(130));
  EXPECT_EQ(task->errors[1].code, "vk_comments_closed");
  EXPECT_EQ(task->errors[1].vk_error_code, std::nullopt);
  EXPECT_EQ(count("SELECT MAX(seq) FROM task_events WHERE task_id = 't1'"), 5);

  EXPECT_FALSE(store_->tasks().add_progress("nope", delta, at(1), {"x", "{}"}));
  EXPECT_FALSE(store_->tasks().add_error("nope", task->errors[0], {"x", "{}"}));
}

TEST_P(TaskRepositoryTest, ProgressNeverGoesNegative) {
  create(make_task("t1", "alice", 100));
  domain::TaskProgress delta;
  delta.posts_done = -1;
  EXPECT_THROW(store_->tasks().add_progress("t1", delta, at(110), {"x", "{}"}), StoreError);
  EXPECT_EQ(store_->tasks().get("t1")->progress.posts_done, 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM task_events"), 1);
}

INSTANTIATE_TEST_SUITE_P(Engines, TaskRepositoryTest, engines(), engine_name);

}  // namespace
}  // namespace vka::store::testing
