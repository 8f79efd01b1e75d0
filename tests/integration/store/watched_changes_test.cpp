// Store::watch_changes: a committed task event or audit entry wakes the watcher (in this process on SQLite,
// in any process on PostgreSQL); a rolled-back one does not.
#include <gtest/gtest.h>

#include <atomic>
#include <stdexcept>
#include <thread>

#include "store_fixture.hpp"

namespace vka::store::testing {
namespace {

using namespace std::chrono_literals;

class WatchedChangesTest : public StoreTest {
 protected:
  // A watcher on `store` whose count has settled (PostgreSQL's listener wakes once when it connects).
  std::unique_ptr<Subscription> settled_watcher(Store& store, std::atomic<int>& wakes) {
    auto subscription = store.watch_changes([&wakes] { ++wakes; });
    std::this_thread::sleep_for(engine() == Engine::postgres ? 500ms : 0ms);
    return subscription;
  }

  static AuditEntry audit_entry(std::string id) {
    return {std::move(id), at(100), "user", "u1", "task.created", "t1", "10.0.0.1", "request-1"};
  }
};

TEST_P(WatchedChangesTest, ACommittedTaskEventWakesTheWatcherUntilItStops) {
  create(make_task("t1", "alice", 100));
  std::atomic<int> wakes{0};
  auto subscription = settled_watcher(*store_, wakes);
  const int before = wakes;
  store_->events().append("t1", {"tick", "{}"}, at(101));
  EXPECT_TRUE(within(5s, [&] { return wakes > before; }));

  subscription.reset();
  const int after = wakes;
  store_->events().append("t1", {"tick", "{}"}, at(102));
  std::this_thread::sleep_for(300ms);
  EXPECT_EQ(wakes, after);
}

TEST_P(WatchedChangesTest, ACommittedAuditEntryWakesTheWatcher) {
  std::atomic<int> wakes{0};
  auto subscription = settled_watcher(*store_, wakes);
  const int before = wakes;
  store_->audit().record(audit_entry("a1"));
  EXPECT_TRUE(within(5s, [&] { return wakes > before; }));
}

TEST_P(WatchedChangesTest, ARolledBackEventWakesNobody) {
  create(make_task("t1", "alice", 100));
  std::atomic<int> wakes{0};
  auto subscription = settled_watcher(*store_, wakes);
  const int before = wakes;
  EXPECT_THROW(store_->write_together([&] {
    store_->events().append("t1", {"tick", "{}"}, at(101));
    store_->audit().record(audit_entry("a1"));
    throw std::runtime_error("the change failed");
  }),
               std::runtime_error);
  std::this_thread::sleep_for(300ms);
  EXPECT_EQ(wakes, before);
}

TEST_P(WatchedChangesTest, AnotherProcessesEventWakesAWatcherOnPostgres) {
  if (engine() == Engine::sqlite) GTEST_SKIP() << "SQLite watchers hear their own process only";
  create(make_task("t1", "alice", 100));
  auto watching = open_store(url());  // another store: another process
  std::atomic<int> wakes{0};
  auto subscription = settled_watcher(*watching, wakes);
  const int before = wakes;
  store_->events().append("t1", {"tick", "{}"}, at(101));
  EXPECT_TRUE(within(5s, [&] { return wakes > before; }));
}

TEST_P(WatchedChangesTest, ASubscriptionMayOutliveItsStore) {
  auto watching = open_store(url());
  std::atomic<int> wakes{0};
  auto subscription = watching->watch_changes([&wakes] { ++wakes; });
  watching.reset();
  subscription.reset();  // under AddressSanitizer, a use after free of the store's watchers fails here
}

INSTANTIATE_TEST_SUITE_P(Engines, WatchedChangesTest, engines(), engine_name);

}  // namespace
}  // namespace vka::store::testing
