// PostgreSQL only: statements sent with execute_later (pipeline mode) run in order, are seen by the next
// statement that waits, and their first error is thrown there, leaving nothing once rolled back.
#include <gtest/gtest.h>

#include "store/error.hpp"
#include "store/postgres/connection.hpp"
#include "test_database.hpp"

namespace vka::store::testing {
namespace {

class PostgresPipelineTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!postgres_server())
      GTEST_SKIP() << "no PostgreSQL server: set VKA_TEST_DATABASE_URL (scripts/with-postgres does)";
    db_ = std::make_unique<TestDatabase>(Engine::postgres);
    c_ = std::make_unique<postgres::Connection>(db_->url());
    c_->exec_script("CREATE TABLE items (id int8 PRIMARY KEY, label text NOT NULL)");
  }

  std::int64_t count() {
    auto rows = c_->query("SELECT COUNT(*) FROM items");
    rows.next();
    return rows.int64(0);
  }

  std::unique_ptr<TestDatabase> db_;
  std::unique_ptr<postgres::Connection> c_;
};

TEST_F(PostgresPipelineTest, SentStatementsRunInOrderBeforeTheNextQuery) {
  c_->exec_script("BEGIN");
  c_->execute_later("INSERT INTO items (id, label) VALUES (?1, ?2)", std::int64_t{1}, std::string("one"));
  c_->execute_later("INSERT INTO items (id, label) VALUES (?1, ?2)", std::int64_t{2}, std::string("two"));
  c_->execute_later("UPDATE items SET label = label || ?2 WHERE id = ?1", std::int64_t{1}, std::string("!"));
  auto rows = c_->query("SELECT label FROM items ORDER BY id");
  ASSERT_TRUE(rows.next());
  EXPECT_EQ(rows.text(0), "one!");
  ASSERT_TRUE(rows.next());
  EXPECT_EQ(rows.text(0), "two");
  c_->exec_script("COMMIT");
  EXPECT_EQ(count(), 2);
}

TEST_F(PostgresPipelineTest, TheFirstErrorIsThrownByTheNextWaitingStatementAndTheRollbackLeavesNothing) {
  c_->exec_script("BEGIN");
  c_->execute_later("INSERT INTO items (id, label) VALUES (?1, ?2)", std::int64_t{1}, std::string("one"));
  c_->execute_later("INSERT INTO items (id, label) VALUES (?1, ?2)", std::int64_t{1}, std::string("again"));
  c_->execute_later("INSERT INTO items (id, label) VALUES (?1, ?2)", std::int64_t{2}, std::string("two"));
  try {
    c_->exec_script("COMMIT");
    FAIL() << "expected StoreError";
  } catch (const StoreError& e) {
    EXPECT_EQ(e.kind(), StoreErrorKind::conflict);
  }
  c_->rollback();
  EXPECT_EQ(count(), 0);
  // The connection goes on working, in and out of pipelines.
  c_->execute_later("INSERT INTO items (id, label) VALUES (?1, ?2)", std::int64_t{3}, std::string("three"));
  EXPECT_EQ(count(), 1);
}

TEST_F(PostgresPipelineTest, AStatementNotYetPreparedJoinsAfterTheOnesSentBefore) {
  c_->execute_later("INSERT INTO items (id, label) VALUES (?1, ?2)", std::int64_t{1}, std::string("one"));
  c_->execute_later("DELETE FROM items WHERE id = ?1", std::int64_t{1});
  c_->rollback();  // outside a transaction: each statement committed on its own, and rollback only warns
  EXPECT_EQ(count(), 0);
}

}  // namespace
}  // namespace vka::store::testing
