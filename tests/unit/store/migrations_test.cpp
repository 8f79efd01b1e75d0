#include <gtest/gtest.h>

#include <array>

#include "store/error.hpp"
#include "store/migrations.hpp"

namespace vka::store {
namespace {

TEST(Migrations, SelectsTheEnginesFilesInVersionOrder) {
  const std::array files{
      EmbeddedFile{"src/store/migrations/sqlite/0002_more.sql", "B"},
      EmbeddedFile{"src/store/migrations/postgres/0001_init.sql", "P"},
      EmbeddedFile{"src/store/migrations/sqlite/0001_init.sql", "A"},
  };
  const auto sqlite = select_migrations(files, "sqlite");
  ASSERT_EQ(sqlite.size(), 2u);
  EXPECT_EQ(sqlite[0].version, 1);
  EXPECT_EQ(sqlite[0].name, "0001_init");
  EXPECT_EQ(sqlite[0].sql, "A");
  EXPECT_EQ(sqlite[1].version, 2);
  EXPECT_EQ(sqlite[1].name, "0002_more");
  EXPECT_EQ(select_migrations(files, "postgres").size(), 1u);
  EXPECT_TRUE(select_migrations(files, "oracle").empty());
}

TEST(Migrations, RejectsGapsRepeatsAndBadNames) {
  const auto rejects = [](std::initializer_list<std::string_view> paths) {
    std::vector<EmbeddedFile> files;
    for (const auto path : paths) files.push_back({path, "x"});
    EXPECT_THROW(select_migrations(files, "sqlite"), StoreError) << *paths.begin();
  };
  rejects({"m/migrations/sqlite/0001_a.sql", "m/migrations/sqlite/0003_c.sql"});
  rejects({"m/migrations/sqlite/0001_a.sql", "m/migrations/sqlite/0001_b.sql"});
  rejects({"m/migrations/sqlite/0002_b.sql"});
  rejects({"m/migrations/sqlite/init.sql"});
  rejects({"m/migrations/sqlite/0001_.sql"});
  rejects({"m/migrations/sqlite/0x01_a.sql"});
  rejects({"m/migrations/sqlite/0000_zero.sql"});
  rejects({"m/migrations/sqlite/old/0001_a.sql"});
}

TEST(Migrations, TheBinaryCarriesTheSqliteSchema) {
  const auto migrations = builtin_migrations("sqlite");
  ASSERT_FALSE(migrations.empty());
  EXPECT_EQ(migrations[0].name, "0001_init");
  EXPECT_NE(migrations[0].sql.find("CREATE TABLE tasks"), std::string_view::npos);
}

TEST(Migrations, ThePostgresSchemaHasTheSameVersionsAsSqlites) {
  const auto sqlite = builtin_migrations("sqlite");
  const auto postgres = builtin_migrations("postgres");
  ASSERT_EQ(postgres.size(), sqlite.size());
  for (std::size_t i = 0; i < sqlite.size(); ++i) EXPECT_EQ(postgres[i].name, sqlite[i].name);
  EXPECT_NE(postgres[0].sql.find("CREATE TABLE tasks"), std::string_view::npos);
}

}  // namespace
}  // namespace vka::store
