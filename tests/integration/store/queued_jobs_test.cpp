#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "store_fixture.hpp"

namespace vka::store::testing {
namespace {

using namespace std::chrono_literals;

class QueuedJobsTest : public StoreTest {};

TEST_P(QueuedJobsTest, AnotherProcessQueueingAJobWakesTheWatcherUntilItStops) {
  auto watching = open_store(url());
  std::atomic<int> wakes{0};
  auto subscription = watching->watch_queued_jobs([&] { ++wakes; });
  if (engine() == Engine::sqlite) {
    EXPECT_EQ(subscription, nullptr) << "SQLite workers poll";
    return;
  }
  ASSERT_NE(subscription, nullptr);
  ASSERT_TRUE(within(5s, [&] { return wakes >= 1; })) << "once connected, in case a job came before";
  const int before = wakes;
  create(make_task("t1", "alice", 100));  // another store: another process
  EXPECT_TRUE(within(5s, [&] { return wakes > before; }));

  subscription.reset();
  const int after = wakes;
  create(make_task("t2", "alice", 101));
  std::this_thread::sleep_for(500ms);
  EXPECT_EQ(wakes, after);
}

TEST_P(QueuedJobsTest, HeartbeatsOfALeasedJobWakeNobody) {
  if (engine() == Engine::sqlite) GTEST_SKIP() << "SQLite workers poll";
  create(make_task("t1", "alice", 100));
  const auto job = store_->jobs().lease("w", at(200), 30s);
  ASSERT_TRUE(job);
  auto watching = open_store(url());
  std::atomic<int> wakes{0};
  auto subscription = watching->watch_queued_jobs([&] { ++wakes; });
  ASSERT_TRUE(within(5s, [&] { return wakes >= 1; }));
  const int before = wakes;
  for (int i = 0; i < 3; ++i) store_->jobs().heartbeat(job->token(), at(201 + i), 30s);
  std::this_thread::sleep_for(500ms);
  EXPECT_EQ(wakes, before);
  store_->jobs().release(job->token(), at(210));
  EXPECT_TRUE(within(5s, [&] { return wakes > before; })) << "a released job is ready again";
}

INSTANTIATE_TEST_SUITE_P(Engines, QueuedJobsTest, engines(), engine_name);

}  // namespace
}  // namespace vka::store::testing
