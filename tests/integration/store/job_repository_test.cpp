#include <gtest/gtest.h>

#include <map>

#include "store_fixture.hpp"

namespace vka::store::testing {
namespace {

using std::chrono::seconds;
constexpr seconds lease_for{30};

class JobRepositoryTest : public StoreTest {
 protected:
  JobRepository& jobs() { return store_->jobs(); }
  std::string state_of(std::int64_t job_id) {
    return text_of("SELECT state FROM jobs WHERE id = " + std::to_string(job_id));
  }
};

TEST_P(JobRepositoryTest, LeaseTakesOnlyRunnableJobsAndFencesByGeneration) {
  create(make_task("t1", "alice", 100));
  EXPECT_FALSE(jobs().lease("w1", at(99), lease_for)) << "run_after is in the future";

  const auto job = jobs().lease("w1", at(100), lease_for);
  ASSERT_TRUE(job);
  EXPECT_EQ(job->task_id, "t1");
  EXPECT_EQ(job->kind, "collect");
  EXPECT_EQ(job->payload_json, "{}");
  EXPECT_EQ(job->generation, 1);
  EXPECT_EQ(job->attempts, 1);
  EXPECT_EQ(job->lease_expires_at, at(130));
  EXPECT_FALSE(jobs().lease("w2", at(110), lease_for)) << "a live lease is not runnable";

  EXPECT_TRUE(jobs().heartbeat(job->token(), at(120), lease_for));
  EXPECT_FALSE(jobs().lease("w2", at(140), lease_for)) << "the heartbeat extended the lease to 150";
  EXPECT_FALSE(jobs().heartbeat({job->id, job->generation + 1}, at(121), lease_for));
  EXPECT_FALSE(jobs().complete({job->id, job->generation - 1}, at(121)));
  EXPECT_TRUE(jobs().complete(job->token(), at(122)));
  EXPECT_EQ(state_of(job->id), "done");
  EXPECT_FALSE(jobs().complete(job->token(), at(123))) << "completing twice";
  EXPECT_FALSE(jobs().lease("w2", at(1000), lease_for));
}

TEST_P(JobRepositoryTest, CrashedWorkersLeaseExpiresAndIsTakenWithAHigherGeneration) {
  create(make_task("t1", "alice", 100));
  const auto first = jobs().lease("w1", at(100), lease_for);
  ASSERT_TRUE(first);
  // w1 dies without a word. Until the lease expires nobody else gets the job.
  EXPECT_FALSE(jobs().lease("w2", at(129), lease_for));
  const auto second = jobs().lease("w2", at(130), lease_for);
  ASSERT_TRUE(second);
  EXPECT_EQ(second->id, first->id);
  EXPECT_EQ(second->generation, first->generation + 1);
  EXPECT_EQ(second->attempts, 2);
  EXPECT_EQ(text_of("SELECT lease_owner FROM jobs"), "w2");

  // The old holder wakes up: every call it makes is refused and changes nothing.
  EXPECT_FALSE(jobs().heartbeat(first->token(), at(131), lease_for));
  EXPECT_FALSE(jobs().complete(first->token(), at(131)));
  EXPECT_FALSE(jobs().fail(first->token(), "late", at(131)));
  EXPECT_FALSE(jobs().retry_later(first->token(), at(200), "late", at(131)));
  EXPECT_FALSE(jobs().release(first->token(), at(131)));
  EXPECT_EQ(state_of(first->id), "leased");
  EXPECT_TRUE(jobs().heartbeat(second->token(), at(131), lease_for));
}

TEST_P(JobRepositoryTest, RetryFailAndReleaseEndALease) {
  create(make_task("t1", "alice", 100));
  auto job = jobs().lease("w1", at(100), lease_for);
  ASSERT_TRUE(jobs().retry_later(job->token(), at(160), "vk timeout", at(101)));
  EXPECT_EQ(state_of(job->id), "queued");
  EXPECT_EQ(text_of("SELECT last_error FROM jobs"), "vk timeout");
  EXPECT_FALSE(jobs().lease("w1", at(159), lease_for)) << "backoff";

  job = jobs().lease("w1", at(160), lease_for);
  ASSERT_TRUE(job);
  EXPECT_EQ(job->attempts, 2);
  ASSERT_TRUE(jobs().release(job->token(), at(161)));
  job = jobs().lease("w1", at(161), lease_for);
  ASSERT_TRUE(job) << "a released job is runnable at once";
  EXPECT_EQ(job->attempts, 2) << "a release does not count as an attempt";

  ASSERT_TRUE(jobs().fail(job->token(), "bad payload", at(162)));
  EXPECT_EQ(state_of(job->id), "failed");
  EXPECT_FALSE(jobs().lease("w1", at(10'000), lease_for));
}

TEST_P(JobRepositoryTest, APostponedJobWaitsWithoutCountingTheAttempt) {
  create(make_task("t1", "alice", 100));
  auto job = jobs().lease("w1", at(100), lease_for);
  ASSERT_EQ(job->attempts, 1);
  for (std::int64_t t = 101; t < 200; t += 30) {
    ASSERT_TRUE(jobs().postpone(job->token(), at(t + 20), "VK unreachable", at(t)));
    EXPECT_EQ(state_of(job->id), "queued");
    EXPECT_EQ(text_of("SELECT last_error FROM jobs"), "VK unreachable");
    EXPECT_FALSE(jobs().lease("w1", at(t + 19), lease_for)) << "not before it is due";
    job = jobs().lease("w1", at(t + 20), lease_for);
    ASSERT_TRUE(job);
    EXPECT_EQ(job->attempts, 1) << "however often it waits";
  }
  EXPECT_FALSE(jobs().postpone({job->id, job->generation - 1}, at(300), "late", at(250))) << "fenced";
}

TEST_P(JobRepositoryTest, AtMostOneLiveJobPerTaskAndKind) {
  create(make_task("t1", "alice", 100));
  const auto resume = [&](domain::TaskStatus from, domain::TaskStatus to, std::int64_t when) {
    return store_->tasks().transition(
        "t1",
        {from, to, at(when), std::nullopt, std::nullopt, {"task.step", "{}"}, NewJob{"collect", "{}", 0, at(when)}});
  };
  using domain::TaskStatus;
  // Pausing and resuming while the first job is still queued adds no second job.
  ASSERT_EQ(resume(TaskStatus::queued, TaskStatus::paused, 101).outcome, TransitionResult::Outcome::applied);
  ASSERT_EQ(resume(TaskStatus::paused, TaskStatus::queued, 102).outcome, TransitionResult::Outcome::applied);
  EXPECT_EQ(count("SELECT COUNT(*) FROM jobs"), 1);
  // Nor while it is leased.
  const auto job = jobs().lease("w1", at(103), lease_for);
  resume(TaskStatus::queued, TaskStatus::paused, 104);
  resume(TaskStatus::paused, TaskStatus::queued, 105);
  EXPECT_EQ(count("SELECT COUNT(*) FROM jobs"), 1);
  // Once it ended, the next resume enqueues again; another kind is independent.
  ASSERT_TRUE(jobs().complete(job->token(), at(106)));
  resume(TaskStatus::queued, TaskStatus::paused, 107);
  resume(TaskStatus::paused, TaskStatus::queued, 108);
  EXPECT_EQ(count("SELECT COUNT(*) FROM jobs WHERE state = 'queued'"), 1);
  store_->tasks().transition("t1", {TaskStatus::queued,
                                    TaskStatus::paused,
                                    at(109),
                                    std::nullopt,
                                    std::nullopt,
                                    {"task.paused", "{}"},
                                    NewJob{"export", "{}", 0, at(109)}});
  EXPECT_EQ(count("SELECT COUNT(*) FROM jobs WHERE state = 'queued'"), 2);
}

TEST_P(JobRepositoryTest, HugeTaskThatYieldsDoesNotStarveASmallOne) {
  // "huge" was created first and would always be first in (run_after, id) order.
  create(make_task("huge", "alice", 100));
  create(make_task("small", "bob", 100));
  raw()->execute(
      "INSERT INTO tasks (id, owner, status, params, created_at, updated_at) "
      "VALUES ('tiny', 'carol', 'queued', '{}', 100, 100)");
  raw()->execute(
      "INSERT INTO jobs (task_id, kind, run_after, created_at, updated_at) VALUES ('tiny', 'collect', 100, 100, 100)");

  std::map<std::string, int> turns;
  std::vector<std::string> order;
  for (int slice = 0; slice < 9; ++slice) {
    const auto job = jobs().lease("w1", at(100 + slice), lease_for);
    ASSERT_TRUE(job);
    order.push_back(*job->task_id);
    ++turns[*job->task_id];
    // Every task gives its job back at the end of its slice (time slicing) and stays runnable.
    ASSERT_TRUE(jobs().release(job->token(), at(100 + slice)));
  }
  EXPECT_EQ(turns["huge"], 3);
  EXPECT_EQ(turns["small"], 3);
  EXPECT_EQ(turns["tiny"], 3);
  EXPECT_EQ(order[0], "huge");
  EXPECT_NE(order[1], "huge");
  EXPECT_NE(order[2], "huge");
}

TEST_P(JobRepositoryTest, TaskWithALiveLeaseYieldsToTasksWithNone) {
  create(make_task("a", "alice", 100));
  create(make_task("b", "bob", 101));
  // Task a also has an export job waiting, created before b's collect job.
  raw()->execute(
      "INSERT INTO jobs (task_id, kind, run_after, created_at, updated_at) VALUES ('a', 'export', 100, 100, 100)");
  const auto first = jobs().lease("w1", at(110), lease_for);
  ASSERT_EQ(first->task_id, "a");
  const auto second = jobs().lease("w2", at(110), lease_for);
  ASSERT_TRUE(second);
  EXPECT_EQ(second->task_id, "b") << "a already has a job running";
  const auto third = jobs().lease("w3", at(110), lease_for);
  ASSERT_TRUE(third);
  EXPECT_EQ(third->task_id, "a");
  EXPECT_EQ(third->kind, "export");
}

TEST_P(JobRepositoryTest, HigherPriorityRunsFirst) {
  create(make_task("a", "alice", 100));
  create(make_task("b", "bob", 100));
  raw()->execute("UPDATE jobs SET priority = 5 WHERE task_id = 'b'");
  EXPECT_EQ(jobs().lease("w1", at(100), lease_for)->task_id, "b");
}

TEST_P(JobRepositoryTest, CountsByState) {
  for (const char* id : {"a", "b", "c", "d"}) create(make_task(id, "alice", 100));
  const auto first = jobs().lease("w1", at(100), lease_for);
  const auto second = jobs().lease("w1", at(100), lease_for);
  ASSERT_TRUE(jobs().lease("w1", at(100), lease_for));
  jobs().complete(first->token(), at(101));
  jobs().fail(second->token(), "broken", at(101));
  EXPECT_EQ(jobs().counts(), (JobCounts{1, 1, 1, 1}));
}

INSTANTIATE_TEST_SUITE_P(Engines, JobRepositoryTest, engines(), engine_name);

}  // namespace
}  // namespace vka::store::testing
