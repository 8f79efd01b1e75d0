// PostgreSQL only: what the store does when the server ends its sessions or refuses new ones.
#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "store/error.hpp"
#include "store_fixture.hpp"

namespace vka::store::testing {
namespace {

using namespace std::chrono_literals;

class PostgresConnectionTest : public StoreTest {
 protected:
  // Ends every server session on the test database but the fixture's own, as a server restart would.
  void end_sessions() {
    admin().execute(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()",
        db_->name());
  }

  // New sessions on the test database are refused while closed, as while a server is down.
  void set_open(bool open) {
    admin().exec_script("ALTER DATABASE " + db_->name() + " ALLOW_CONNECTIONS " + (open ? "true" : "false"));
  }

  template <class Condition>
  static bool eventually(Condition condition) {
    const auto deadline = std::chrono::steady_clock::now() + 15s;
    while (std::chrono::steady_clock::now() < deadline) {
      if (condition()) return true;
      std::this_thread::sleep_for(20ms);
    }
    return false;
  }

  postgres::Connection& admin() {
    if (!admin_) admin_ = std::make_unique<postgres::Connection>(*postgres_server());
    return *admin_;
  }

  std::unique_ptr<postgres::Connection> admin_;
};

TEST_P(PostgresConnectionTest, IdleConnectionsWhoseSessionsEndedAreReplacedUnseen) {
  create(make_task("t1", "alice", 100));
  // Several idle connections in the pool.
  std::vector<std::thread> readers;
  for (int i = 0; i < 4; ++i) readers.emplace_back([&] { store_->tasks().list({.limit = 5}); });
  for (auto& t : readers) t.join();

  end_sessions();
  EXPECT_TRUE(store_->tasks().get("t1"));
  EXPECT_TRUE(store_->events().append("t1", {"tick", "{}"}, at(101)));
  EXPECT_TRUE(store_->ping());
}

TEST_P(PostgresConnectionTest, ServerDownIsUnavailableThenTheStoreRecovers) {
  create(make_task("t1", "alice", 100));
  set_open(false);
  end_sessions();
  EXPECT_FALSE(store_->ping());
  try {
    store_->tasks().get("t1");
    FAIL() << "expected StoreError";
  } catch (const StoreError& e) {
    EXPECT_EQ(e.kind(), StoreErrorKind::unavailable);
  }
  set_open(true);
  EXPECT_TRUE(eventually([&] { return store_->ping(); })) << "reconnects once its backoff has passed";
  EXPECT_TRUE(store_->tasks().get("t1"));
}

TEST_P(PostgresConnectionTest, ConcurrentWorkersNeverLeaseOneJobTwice) {
  for (int i = 0; i < 20; ++i) create(make_task("t" + std::to_string(i), "alice", 100));
  std::mutex mutex;
  std::vector<std::int64_t> leased;
  std::vector<std::thread> workers;
  for (int w = 0; w < 4; ++w)
    workers.emplace_back([&, w] {
      while (const auto job = store_->jobs().lease("w" + std::to_string(w), at(100), 30s)) {
        std::lock_guard lock(mutex);
        leased.push_back(job->id);
      }
    });
  for (auto& t : workers) t.join();
  std::sort(leased.begin(), leased.end());
  EXPECT_EQ(leased.size(), 20u);
  EXPECT_EQ(std::adjacent_find(leased.begin(), leased.end()), leased.end());
}

INSTANTIATE_TEST_SUITE_P(Engines, PostgresConnectionTest, ::testing::Values(Engine::postgres), engine_name);

}  // namespace
}  // namespace vka::store::testing
