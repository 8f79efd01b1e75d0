#include <gtest/gtest.h>

#include <thread>

#include "store_fixture.hpp"

namespace vka::store::testing {
namespace {

class ConcurrencyTest : public StoreTest {};

TEST_P(ConcurrencyTest, ThreadsSharingAStoreLoseNoWrites) {
  create(make_task("t1", "alice", 100));
  constexpr int threads = 6, per_thread = 40;
  std::vector<std::thread> workers;
  for (int w = 0; w < threads; ++w)
    workers.emplace_back([&, w] {
      for (int i = 0; i < per_thread; ++i) {
        domain::TaskProgress delta;
        delta.comments_collected = 1;
        store_->tasks().add_progress("t1", delta, at(200), {"comments.ingested", "{}"});
        create(make_task("w" + std::to_string(w) + "_" + std::to_string(i), "bob", 300 + i));
        store_->tasks().get("t1");
        store_->tasks().list({.limit = 5});
      }
    });
  for (auto& t : workers) t.join();

  const auto task = store_->tasks().get("t1");
  EXPECT_EQ(task->progress.comments_collected, threads * per_thread);
  const auto events = store_->events().list("t1", 0, 1000);
  ASSERT_EQ(events.size(), static_cast<std::size_t>(threads * per_thread + 1));
  for (std::size_t i = 0; i < events.size(); ++i) EXPECT_EQ(events[i].seq, static_cast<std::int64_t>(i) + 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM tasks"), threads * per_thread + 1);
}

// Two stores on one file stand in for two processes: each has its own writer, so they meet SQLite's lock
// and must wait for it (busy timeout) rather than fail.
TEST_P(ConcurrencyTest, TwoStoresOnOneFileWaitForEachOther) {
  create(make_task("t1", "alice", 100));
  auto other = open_store(url());
  constexpr int per_store = 100;
  auto hammer = [](Store& store) {
    for (int i = 0; i < per_store; ++i) {
      domain::TaskProgress delta;
      delta.vk_requests = 1;
      store.tasks().add_progress("t1", delta, at(200), {"vk.request", "{}"});
    }
  };
  std::thread a([&] { hammer(*store_); });
  std::thread b([&] { hammer(*other); });
  a.join();
  b.join();
  EXPECT_EQ(store_->tasks().get("t1")->progress.vk_requests, 2 * per_store);
  EXPECT_EQ(other->events().list("t1", 0, 1000).size(), static_cast<std::size_t>(2 * per_store + 1));
}

INSTANTIATE_TEST_SUITE_P(Engines, ConcurrencyTest, engines(), engine_name);

}  // namespace
}  // namespace vka::store::testing
