#include "store/migrations.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <thread>

#include "store/error.hpp"
#include "store/sql/migrator.hpp"
#include "store/sqlite/database.hpp"
#include "store_fixture.hpp"

namespace vka::store::testing {
namespace {

// A fresh database of either engine, not yet migrated.
class EngineMigrationsTest : public ::testing::TestWithParam<Engine> {
 protected:
  void SetUp() override {
    if (GetParam() == Engine::postgres && !postgres_server())
      GTEST_SKIP() << "no PostgreSQL server: set VKA_TEST_DATABASE_URL (scripts/with-postgres does)";
    db_ = std::make_unique<TestDatabase>(GetParam());
  }
  std::string url() const { return db_->url(); }
  std::string engine_folder() const { return GetParam() == Engine::sqlite ? "sqlite" : "postgres"; }

  std::unique_ptr<TestDatabase> db_;
};

TEST_P(EngineMigrationsTest, FreshDatabaseIsNotCurrentUntilMigrated) {
  auto store = open_store(url());
  EXPECT_TRUE(store->ping());
  EXPECT_FALSE(store->migrations_current());
  const auto applied = store->migrate();
  ASSERT_FALSE(applied.empty());
  EXPECT_EQ(applied.front(), "0001_init");
  EXPECT_EQ(applied.size(), builtin_migrations(engine_folder()).size());
  EXPECT_TRUE(store->migrations_current());
}

TEST_P(EngineMigrationsTest, MigrateIsIdempotentAcrossReopen) {
  open_store(url())->migrate();
  auto again = open_store(url());
  EXPECT_TRUE(again->migrations_current());
  EXPECT_TRUE(again->migrate().empty());
  EXPECT_TRUE(again->migrate().empty());
  const auto versions = db_->column("SELECT version FROM schema_migrations ORDER BY version");
  ASSERT_EQ(versions.size(), builtin_migrations(engine_folder()).size());
  EXPECT_EQ(versions.front(), "1");
}

TEST_P(EngineMigrationsTest, ConcurrentMigratorsApplyEachVersionOnce) {
  auto first = open_store(url());
  auto second = open_store(url());
  std::vector<std::string> applied_first, applied_second;
  std::thread a([&] { applied_first = first->migrate(); });
  std::thread b([&] { applied_second = second->migrate(); });
  a.join();
  b.join();
  EXPECT_EQ(applied_first.size() + applied_second.size(), builtin_migrations(engine_folder()).size());
  EXPECT_TRUE(first->migrations_current());
}

TEST_P(EngineMigrationsTest, ClosedStoreRefusesWork) {
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

INSTANTIATE_TEST_SUITE_P(Engines, EngineMigrationsTest, engines(), engine_name);

class MigrationsTest : public ::testing::Test {
 protected:
  TempDir dir_;
  std::string url() const { return "sqlite://" + (dir_.path() / "m.db").string(); }
};

TEST_F(MigrationsTest, SchemaHasEveryContractTable) {
  open_store(url())->migrate();
  sqlite::Connection c((dir_.path() / "m.db").string(), 5000);
  for (const char* table :
       {"api_keys", "vk_tokens", "tasks", "task_errors", "task_events", "communities", "authors", "task_communities",
        "posts", "task_posts", "comments", "comments_fts", "jobs", "idempotency_keys", "schema_migrations"}) {
    sqlite::Rows rows = c.query("SELECT 1 FROM sqlite_master WHERE name = ?1", table);
    EXPECT_TRUE(rows.next()) << table;
  }
}

TEST_F(MigrationsTest, CommentsStoredBefore0012KeepTheirSearchIndexInStepWithTheirStems) {
  const std::string path = (dir_.path() / "m.db").string();
  {
    sqlite::Database database(path, 1, 5000);
    sql::ensure_migrations_table(database);
    const auto all = builtin_migrations("sqlite");
    ASSERT_GE(all.size(), 12u);
    sql::apply_migrations(database, std::span(all).first(11), domain::now());
  }
  sqlite::Connection c(path, 5000);
  c.exec_script(
      "INSERT INTO posts (owner_id, id, date, first_seen_at, last_seen_at) VALUES (-1, 10, 0, 0, 0);"
      "INSERT INTO comments (owner_id, post_id, id, date, text, stems, first_seen_at, last_seen_at) "
      "VALUES (-1, 10, 100, 0, 'коты', 'кот', 0, 0)");
  const auto applied = open_store(url())->migrate();
  ASSERT_FALSE(applied.empty());
  EXPECT_EQ(applied.front(), "0012_fts_on_changed_stems");
  const auto matches = [&](const char* stem) {
    sqlite::Rows rows = c.query("SELECT COUNT(*) FROM comments_fts WHERE comments_fts MATCH ?1", stem);
    rows.next();
    return rows.int64(0);
  };
  const auto index_in_step = [&] {
    c.exec_script("INSERT INTO comments_fts (comments_fts) VALUES ('integrity-check')");  // throws when not
    return true;
  };
  EXPECT_EQ(matches("кот"), 1);
  domain::Comment edited{.owner_id = -1, .post_id = 10, .id = 100, .text = "псы", .stems = "пес"};
  sqlite::Dialect::upsert_comments(c, {edited}, domain::now());
  EXPECT_EQ(matches("кот"), 0);
  EXPECT_EQ(matches("пес"), 1);
  EXPECT_TRUE(index_in_step());
  edited.likes = 3;  // stored again with the same stems
  sqlite::Dialect::upsert_comments(c, {edited}, domain::now());
  EXPECT_EQ(matches("пес"), 1);
  EXPECT_TRUE(index_in_step());
}

TEST_F(MigrationsTest, DatabaseFileIsInWalMode) {
  auto store = open_store(url());
  store->migrate();
  sqlite::Connection c((dir_.path() / "m.db").string(), 5000);
  sqlite::Rows mode = c.query("PRAGMA journal_mode");
  ASSERT_TRUE(mode.next());
  EXPECT_EQ(mode.text(0), "wal");
}

// Bytes this process has written through write(2) and its kind so far (Linux).
std::int64_t bytes_written() {
  std::ifstream io("/proc/self/io");
  std::string name;
  std::int64_t value = 0;
  while (io >> name >> value)
    if (name == "wchar:") return value;
  return -1;
}

TEST_F(MigrationsTest, WriterStatementsTouchTheDiskOnlyAtCommit) {
  sqlite::Database database((dir_.path() / "journal.db").string(), 1, 5000);
  std::int64_t written_by_second_statement = -1;
  database.write([&](sqlite::Connection& c) {
    c.exec_script("CREATE TABLE t (k INTEGER PRIMARY KEY, v INTEGER); CREATE INDEX t_v ON t (v);");
    const std::string insert_random =
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000) "
        "INSERT INTO t (v) SELECT random() FROM n";
    c.execute(insert_random);
    // The second statement changes the index pages the first one already changed, so its statement journal holds
    // their originals: hundreds of KiB, which must stay in memory rather than go through a temporary file.
    const std::int64_t before = bytes_written();
    c.execute(insert_random);
    written_by_second_statement = bytes_written() - before;
  });
  ASSERT_GE(written_by_second_statement, 0) << "/proc/self/io is not readable";
  EXPECT_LT(written_by_second_statement, 64 * 1024);
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

TEST(OpenStore, UnreachablePostgresIsUnavailableAndTheMessageKeepsThePassword) {
  try {
    open_store("postgresql://user:secret@127.0.0.1:1/db?connect_timeout=2");
    FAIL() << "expected StoreError";
  } catch (const StoreError& e) {
    EXPECT_EQ(e.kind(), StoreErrorKind::unavailable);
    EXPECT_EQ(std::string(e.what()).find("secret"), std::string::npos);
    EXPECT_EQ(std::string(e.what()).find("127.0.0.1"), std::string::npos);
  }
}

}  // namespace
}  // namespace vka::store::testing
