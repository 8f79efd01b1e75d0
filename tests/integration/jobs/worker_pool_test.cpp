#include "jobs/worker_pool.hpp"

#include <gtest/gtest.h>

#include <mutex>
#include <set>
#include <thread>

#include "../store/store_fixture.hpp"
#include "store/error.hpp"

namespace vka::jobs {
namespace {

using namespace std::chrono_literals;
using store::testing::make_task;

class WorkerPoolTest : public store::testing::StoreTest {
 protected:
  WorkerPoolOptions options() {
    WorkerPoolOptions o;
    o.workers = 2;
    o.lease_duration = 30s;
    o.heartbeat_interval = 20ms;
    o.poll_interval = 10ms;
    o.backoff = {1s, 1s, 5};
    o.worker_id = "test";
    return o;
  }

  // Creates a task due now, so that its job is runnable at once.
  void create_now(const std::string& id) { create(make_task(id, "alice", domain::to_unix(domain::now()))); }

  // Polls until the condition holds or the time is up.
  template <class Condition>
  bool eventually(Condition condition, std::chrono::milliseconds limit = 8s) {
    const auto deadline = std::chrono::steady_clock::now() + limit;
    while (std::chrono::steady_clock::now() < deadline) {
      if (condition()) return true;
      std::this_thread::sleep_for(10ms);
    }
    return condition();
  }

  std::string job_column(const std::string& task_id, const std::string& column) {
    return text_of("SELECT " + column + " FROM jobs WHERE task_id = '" + task_id + "'");
  }
  std::int64_t job_number(const std::string& task_id, const std::string& column) {
    return count("SELECT " + column + " FROM jobs WHERE task_id = '" + task_id + "'");
  }
};

TEST_P(WorkerPoolTest, RunsEveryJobOnceWithAWorkingLease) {
  for (const char* id : {"a", "b", "c", "d"}) create_now(id);
  std::mutex mutex;
  std::multiset<std::string> ran;
  std::atomic<int> applied{0};
  WorkerPool pool(*store_,
                  {{"collect",
                    [&](JobContext& context) {
                      // The context's lease fences collection writes.
                      store::CommunitiesWrite write{*context.task_id(),
                                                    {},
                                                    {},
                                                    [](const auto&) {
                                                      return store::NewEvent{"group.resolved", "{}"};
                                                    },
                                                    domain::now()};
                      write.links.push_back({{1, "c1", "Club", domain::CommunityAccess::open}});
                      if (store_->collection().link_communities(context.lease(), write).outcome ==
                          store::WriteResult::Outcome::applied)
                        ++applied;
                      std::lock_guard lock(mutex);
                      ran.insert(*context.task_id());
                      return JobResult::done();
                    }}},
                  options());
  pool.start();
  ASSERT_TRUE(eventually([&] { return store_->jobs().counts().done == 4; }));
  pool.stop();
  EXPECT_EQ(ran, (std::multiset<std::string>{"a", "b", "c", "d"}));
  EXPECT_EQ(applied, 4);
  EXPECT_EQ(count("SELECT COUNT(*) FROM task_communities"), 4);
}

TEST_P(WorkerPoolTest, RetriesTransientFailuresWithBackoffThenSucceeds) {
  create_now("t1");
  std::atomic<int> calls{0};
  std::vector<std::chrono::steady_clock::time_point> starts;
  std::mutex mutex;
  WorkerPool pool(*store_,
                  {{"collect",
                    [&](JobContext& context) -> JobResult {
                      {
                        std::lock_guard lock(mutex);
                        starts.push_back(std::chrono::steady_clock::now());
                      }
                      EXPECT_EQ(context.attempts(), calls + 1);
                      if (++calls < 3) return JobResult::retry("vk timeout");
                      return JobResult::done();
                    }}},
                  options());
  pool.start();
  ASSERT_TRUE(eventually([&] { return store_->jobs().counts().done == 1; }));
  pool.stop();
  EXPECT_EQ(calls, 3);
  EXPECT_EQ(job_number("t1", "attempts"), 3);
  EXPECT_EQ(job_column("t1", "last_error"), "vk timeout");
}

TEST_P(WorkerPoolTest, BackoffPostponesTheNextAttempt) {
  create_now("t1");
  WorkerPoolOptions o = options();
  o.backoff = {100s, 100s, 5};
  WorkerPool pool(*store_, {{"collect", [](JobContext&) -> JobResult { return JobResult::retry("flood control"); }}},
                  o);
  pool.start();
  ASSERT_TRUE(eventually([&] { return store_->jobs().counts().queued == 1 && job_number("t1", "attempts") == 1; }));
  std::this_thread::sleep_for(100ms);
  pool.stop();
  EXPECT_EQ(job_number("t1", "attempts"), 1) << "not run again within its backoff";
  // Full jitter: anywhere from now to 100 s ahead.
  const std::int64_t wait = job_number("t1", "run_after") - domain::to_unix(domain::now());
  EXPECT_GE(wait, -2);
  EXPECT_LE(wait, 100);
}

TEST_P(WorkerPoolTest, PermanentFailureAndExhaustedRetriesFailTheJob) {
  create_now("bad");
  create_now("flaky");
  WorkerPoolOptions o = options();
  o.backoff = {0s, 0s, 3};
  std::atomic<int> flaky_calls{0};
  WorkerPool pool(*store_,
                  {{"collect",
                    [&](JobContext& context) -> JobResult {
                      if (*context.task_id() == "bad") return JobResult::failed("the task's parameters are invalid");
                      ++flaky_calls;
                      throw store::StoreError(store::StoreErrorKind::unavailable, "database busy");
                    }}},
                  o);
  pool.start();
  ASSERT_TRUE(eventually([&] { return store_->jobs().counts().failed == 2; }));
  pool.stop();
  EXPECT_EQ(job_column("bad", "last_error"), "the task's parameters are invalid");
  EXPECT_EQ(job_number("bad", "attempts"), 1);
  EXPECT_EQ(flaky_calls, 3);
  EXPECT_EQ(job_column("flaky", "last_error"), "gave up after 3 attempts; last error: database busy");
}

TEST_P(WorkerPoolTest, AWaitingJobRunsAgainAfterItsDelayForAsLongAsItWaitsWithoutUsingUpAttempts) {
  create_now("outage");
  WorkerPoolOptions o = options();
  o.backoff = {0s, 0s, 3};
  std::atomic<int> calls{0};
  std::atomic<int> most_attempts{0};
  WorkerPool pool(*store_,
                  {{"collect",
                    [&](JobContext& context) -> JobResult {
                      most_attempts = std::max(most_attempts.load(), context.attempts());
                      if (++calls < 10) return JobResult::wait("VK unreachable: connection refused", 0s);
                      return JobResult::done();
                    }}},
                  o);
  pool.start();
  ASSERT_TRUE(eventually([&] { return store_->jobs().counts().done == 1; }));
  pool.stop();
  EXPECT_EQ(calls, 10) << "far more runs than the 3 attempts a failing job gets";
  EXPECT_EQ(most_attempts, 1);
  EXPECT_EQ(job_column("outage", "last_error"), "VK unreachable: connection refused");
}

TEST_P(WorkerPoolTest, AWaitIsPostponedByItsDelay) {
  create_now("outage");
  std::atomic<int> calls{0};
  const auto wait_an_hour = [&](JobContext&) {
    ++calls;
    return JobResult::wait("VK unreachable", 3600s);
  };
  WorkerPool pool(*store_, {{"collect", wait_an_hour}}, options());
  pool.start();
  ASSERT_TRUE(eventually([&] { return calls == 1 && store_->jobs().counts().queued == 1; }));
  pool.stop();
  EXPECT_GE(job_number("outage", "run_after"), domain::to_unix(domain::now()) + 3500);
}

TEST_P(WorkerPoolTest, UnknownKindFails) {
  create_now("t1");
  WorkerPool pool(*store_, {}, options());
  pool.start();
  ASSERT_TRUE(eventually([&] { return store_->jobs().counts().failed == 1; }));
  pool.stop();
  EXPECT_EQ(job_column("t1", "last_error"), "no handler for job kind 'collect'");
}

TEST_P(WorkerPoolTest, GracefulStopReleasesRunningJobs) {
  create_now("a");
  create_now("b");
  std::atomic<int> running{0};
  WorkerPool pool(*store_,
                  {{"collect",
                    [&](JobContext& context) {
                      ++running;
                      while (!context.should_stop()) std::this_thread::sleep_for(5ms);
                      return JobResult::yield();
                    }}},
                  options());
  pool.start();
  ASSERT_TRUE(eventually([&] { return running == 2; }));
  EXPECT_EQ(store_->jobs().counts().leased, 2);
  pool.stop();
  EXPECT_EQ(store_->jobs().counts(), (store::JobCounts{2, 0, 0, 0}));
  EXPECT_EQ(count("SELECT COUNT(*) FROM jobs WHERE lease_owner IS NULL AND attempts = 0"), 2);
  // Another worker picks them up at once.
  EXPECT_TRUE(store_->jobs().lease("next", domain::now(), 30s));
}

TEST_P(WorkerPoolTest, HeartbeatsKeepALongJobAndNoticeALostLease) {
  create_now("t1");
  WorkerPoolOptions o = options();
  o.workers = 1;
  o.lease_duration = 2s;
  std::atomic<bool> saw_loss{false};
  std::atomic<bool> started{false};
  WorkerPool pool(*store_,
                  {{"collect",
                    [&](JobContext& context) {
                      started = true;
                      while (!context.should_stop()) std::this_thread::sleep_for(5ms);
                      saw_loss = context.lease_lost();
                      return JobResult::done();
                    }}},
                  o);
  pool.start();
  ASSERT_TRUE(eventually([&] { return started.load(); }));
  // Outlives its 2 s lease thanks to the heartbeats: nobody can take it over meanwhile.
  std::this_thread::sleep_for(3s);
  EXPECT_FALSE(store_->jobs().lease("thief", domain::now(), 30s));
  // Now the lease is taken from under it (as if it had stalled past expiry).
  const auto stolen = store_->jobs().lease("thief", domain::now() + 60s, 600s);
  ASSERT_TRUE(stolen);
  ASSERT_TRUE(eventually([&] { return saw_loss.load(); }));
  pool.stop();
  // Its "done" was dropped: the thief still holds the job.
  EXPECT_EQ(job_column("t1", "state"), "leased");
  EXPECT_EQ(job_column("t1", "lease_owner"), "thief");
  EXPECT_TRUE(store_->jobs().complete(stolen->token(), domain::now()));
}

TEST_P(WorkerPoolTest, AJobsEndIsRecordedAsSoonAsTheDatabaseAnswersAgain) {
  if (engine() == store::testing::Engine::postgres)
    GTEST_SKIP() << "a PostgreSQL lock waits instead of failing; e2e.test_postgres_scale_out restarts the server";
  create_now("t1");
  // Writes of this store give up after 50 ms on a locked database.
  auto store = store::open_store(url(), {.busy_timeout_ms = 50});
  std::thread unlock;
  WorkerPool pool(*store,
                  {{"collect",
                    [&](JobContext&) {
                      raw()->exec_script("BEGIN EXCLUSIVE");  // the database stops answering writes...
                      unlock = std::thread([&] {
                        std::this_thread::sleep_for(1s);
                        raw()->exec_script("COMMIT");  // ...for a second
                      });
                      return JobResult::done();
                    }}},
                  options());
  pool.start();
  // Well before the 30 s lease could expire and let the job run again.
  const bool done = eventually([&] { return store->jobs().counts().done == 1; }, 8s);
  pool.stop();
  unlock.join();
  EXPECT_TRUE(done);
  EXPECT_EQ(job_number("t1", "attempts"), 1);
}

TEST_P(WorkerPoolTest, AJobQueuedByAnotherProcessWakesAnIdleWorkerAtOnce) {
  if (engine() == store::testing::Engine::sqlite) GTEST_SKIP() << "SQLite workers poll";
  auto worker_store = store::open_store(url());  // the workers' process
  auto opts = options();
  opts.poll_interval = 60s;  // only a notification can wake them in time
  std::atomic<int> ran{0};
  WorkerPool pool(*worker_store,
                  {{"collect",
                    [&](JobContext&) {
                      ++ran;
                      return JobResult::done();
                    }}},
                  opts);
  pool.start();
  std::this_thread::sleep_for(500ms);  // both workers found nothing and sleep
  create_now("t1");                    // through the fixture's store: another process
  EXPECT_TRUE(eventually([&] { return ran == 1; }, 8s));
  pool.stop();
}

INSTANTIATE_TEST_SUITE_P(Engines, WorkerPoolTest, store::testing::engines(), store::testing::engine_name);

}  // namespace
}  // namespace vka::jobs
