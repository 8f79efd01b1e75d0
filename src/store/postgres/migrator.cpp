#include "store/postgres/migrator.hpp"

#include <set>

namespace vka::store::postgres {

namespace {

// Any fixed number, the same in every process of this application ("vka").
constexpr std::string_view lock_migrations = "SELECT pg_advisory_xact_lock(7760737)";

bool is_applied(Connection& c, int version) {
  return c.query("SELECT 1 FROM schema_migrations WHERE version = $1", version).next();
}

}  // namespace

void ensure_migrations_table(Database& database) {
  database.write([](Connection& c) {
    c.query(lock_migrations);
    c.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations ("
        " version BIGINT PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)");
  });
}

std::vector<std::string> apply_migrations(Database& database, std::span<const Migration> migrations,
                                          domain::Timestamp now) {
  std::vector<std::string> applied;
  for (const Migration& migration : migrations) {
    const bool ran = database.write([&](Connection& c) {
      c.query(lock_migrations);
      if (is_applied(c, migration.version)) return false;
      c.exec_script(migration.sql);
      c.execute("INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)", migration.version,
                migration.name, now);
      return true;
    });
    if (ran) applied.push_back(migration.name);
  }
  return applied;
}

bool migrations_applied(Database& database, std::span<const Migration> migrations) {
  return database.read([&](Connection& c) {
    std::set<std::int64_t> versions;
    Rows rows = c.query("SELECT version FROM schema_migrations");
    while (rows.next()) versions.insert(rows.int64(0));
    for (const Migration& migration : migrations)
      if (!versions.contains(migration.version)) return false;
    return true;
  });
}

}  // namespace vka::store::postgres
