#include <gtest/gtest.h>

#include "store/error.hpp"
#include "store/migrations.hpp"
#include "store_fixture.hpp"

namespace vka::store::testing {
namespace {

class MigrationsTest : public ::testing::Test {
 protected:
  TempDir dir_;
  std::string url() const { return "sqlite://" + (dir_.path() / "m.db").string(); }
};

TEST_F(MigrationsTest, FreshDatabaseIsNotCurrentUntilMigrated) {
  auto store = open_store(url());
  EXPECT_TRUE(store->ping());
  EXPECT_FALSE(store->migrations_current());
  const auto applied = store->migrate();
  ASSERT_FALSE(applied.empty());
  EXPECT_EQ(applied.front(), "0001_init");
  EXPECT_EQ(applied.size(), builtin_migrations("sqlite").size());
  EXPECT_TRUE(store->migrations_current());
}

TEST_F(MigrationsTest, MigrateIsIdempotentAcrossReopen) {
  open_store(url())->migrate();
  auto again = open_store(url());
  EXPECT_TRUE(again->migrations_current());
  EXPECT_TRUE(again->migrate().empty());
  EXPECT_TRUE(again->migrate().empty());
  sqlite::Connection c((dir_.path() / "m.db").string(), 5000);
  sqlite::Rows rows = c.query("SELECT COUNT(*), MIN(version), MAX(version) FROM schema_migrations");
  ASSERT_TRUE(rows.next());
  EXPECT_EQ(rows.int64(0), static_cast<std::int64_t>(builtin_migrations("sqlite").size()));
  EXPECT_EQ(rows.int64(1), 1);
}

TEST_F(MigrationsTest, SchemaHasEveryContractTable) {
  open_store(url())->migrate();
  sqlite::Connection c((dir_.path() / "m.db").string(), 5000);
  for (const char* table : {"api_keys", "vk_tokens", "tasks", "task_errors", "task_events", "communities", "authors",
                            "task_communities", "posts", "task_posts", "comments", "comments_fts", "jobs",
                            "idempotency_keys", "schema_migrations"}) {
    sqlite::Rows rows = c.query("SELECT 1 FROM sqlite_master WHERE name = ?1", table);
    EXPECT_TRUE(rows.next()) << table;
  }
}

TEST_F(MigrationsTest, DatabaseFileIsInWalMode) {
  auto store = open_store(url());
  store->migrate();
  sqlite::Connection c((dir_.path() / "m.db").string(), 5000);
  sqlite::Rows mode = c.query("PRAGMA journal_mode");
  ASSERT_TRUE(mode.next());
  EXPECT_EQ(mode.text(0), "wal");
}

TEST_F(MigrationsTest, ClosedStoreRefusesWork) {
  auto store = open_store(url());
  store->migrate();
  store->close();
  EXPECT_FALSE(store->ping());
  try {
    store->tasks().get("x");
    FAIL() << "expected StoreError";
  } catch (const StoreError& e) {
    EXPECT_EQ(e.kind(), StoreErrorKind::unavailable);
  }
}

TEST_F(MigrationsTest, NotADatabaseIsReportedAsCorrupt) {
  const auto path = dir_.path() / "junk.db";
  {
    std::FILE* f = std::fopen(path.c_str(), "wb");
    ASSERT_NE(f, nullptr);
    const std::string junk(8192, 'x');
    std::fwrite(junk.data(), 1, junk.size(), f);
    std::fclose(f);
  }
  try {
    open_store("sqlite://" + path.string());
    FAIL() << "expected StoreError";
  } catch (const StoreError& e) {
    EXPECT_EQ(e.kind(), StoreErrorKind::corrupt);
    EXPECT_EQ(std::string(e.what()).find("PRAGMA"), std::string::npos);
  }
}

TEST(OpenStore, MissingDirectoryIsUnavailable) {
  try {
    open_store("sqlite:///nonexistent-dir-vka/x/y.db");
    FAIL() << "expected StoreError";
  } catch (const StoreError& e) {
    EXPECT_EQ(e.kind(), StoreErrorKind::unavailable);
  }
}

TEST(OpenStore, PostgresIsNotBuiltYet) {
  try {
    open_store("postgresql://user:secret@localhost/db");
    FAIL() << "expected StoreError";
  } catch (const StoreError& e) {
    EXPECT_EQ(e.kind(), StoreErrorKind::unsupported);
    EXPECT_NE(std::string(e.what()).find("PostgreSQL support is not built yet"), std::string::npos);
    EXPECT_EQ(std::string(e.what()).find("secret"), std::string::npos);
  }
}

}  // namespace
}  // namespace vka::store::testing
