#pragma once
// A migrated store on a fresh database of the engine the test is instantiated for (see test_database.hpp),
// and helpers to make tasks. PostgreSQL instances are skipped when no server is given.
#include <gtest/gtest.h>

#include <chrono>
#include <memory>
#include <string>
#include <thread>

#include "domain/task.hpp"
#include "store/store.hpp"
#include "test_database.hpp"

namespace vka::store::testing {

inline domain::Timestamp at(std::int64_t unix_seconds) { return domain::from_unix(unix_seconds); }

// Asks `condition` every 10 ms until it holds or `limit` has passed; its last answer (for what another
// thread or process does).
template <class Condition>
bool within(std::chrono::milliseconds limit, Condition condition) {
  const auto deadline = std::chrono::steady_clock::now() + limit;
  while (!condition() && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds{10});
  return condition();
}

inline domain::Task make_task(std::string id, std::string owner, std::int64_t created_unix) {
  domain::Task task;
  task.id = std::move(id);
  task.owner = std::move(owner);
  task.created_at = at(created_unix);
  task.params.groups = {{std::int64_t{1}}, {std::string("apiclub")}};
  return task;
}

inline NewJob collect_job(domain::Timestamp when) { return NewJob{"collect", "{}", 0, when}; }

class StoreTest : public ::testing::TestWithParam<Engine> {
 protected:
  void SetUp() override {
    if (GetParam() == Engine::postgres && !postgres_server())
      GTEST_SKIP() << "no PostgreSQL server: set VKA_TEST_DATABASE_URL (scripts/with-postgres does)";
    db_ = std::make_unique<TestDatabase>(GetParam());
    store_ = open_store(url());
    store_->migrate();
  }

  Engine engine() const { return GetParam(); }
  std::string url() const { return db_->url(); }

  // Raw access to the same database, for seeding rows no repository writes yet and for checks.
  TestDatabase* raw() const { return db_.get(); }

  void create(const domain::Task& task) {
    store_->tasks().create(task, NewEvent{"task.created", "{}"}, collect_job(task.created_at));
  }

  std::int64_t count(const std::string& sql) { return std::stoll(text_of(sql)); }

  std::string text_of(const std::string& sql) {
    const auto values = db_->column(sql);
    if (values.empty() || !values.front()) throw std::runtime_error("no value from: " + sql);
    return *values.front();
  }

  // The first column of every row, comma-separated.
  std::string joined(const std::string& sql) {
    std::string out;
    for (const auto& value : db_->column(sql)) out += (out.empty() ? "" : ",") + value.value_or("NULL");
    return out;
  }

  // Comments whose stems hold every one of the given words, through the engine's full-text index.
  std::int64_t full_text_matches(const std::string& words) {
    const std::string sql =
        engine() == Engine::sqlite
            ? "SELECT COUNT(*) FROM comments_fts WHERE comments_fts MATCH ?1"
            : "SELECT COUNT(*) FROM comments WHERE to_tsvector('simple', stems) @@ plainto_tsquery('simple', ?1)";
    return std::stoll(db_->column(sql, words).front().value());
  }

  // SQLite's external-content FTS5 index can drift from its table; PostgreSQL maintains its GIN index itself.
  void expect_full_text_index_consistent() {
    if (engine() == Engine::sqlite) {
      EXPECT_NO_THROW(raw()->execute("INSERT INTO comments_fts (comments_fts) VALUES ('integrity-check')"));
    }
  }

  std::unique_ptr<TestDatabase> db_;  // outlives the store, which must close before the database is dropped
  std::unique_ptr<Store> store_;
};

}  // namespace vka::store::testing
