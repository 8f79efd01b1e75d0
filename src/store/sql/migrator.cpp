#include "store/sql/migrator.hpp"

#include <set>

#include "store/postgres/database.hpp"
#include "store/sqlite/database.hpp"

namespace vka::store::sql {

template <class Database>
void ensure_migrations_table(Database& database) {
  database.write([](auto& c) {
    Database::Dialect::lock_migrations(c);
    c.execute(Database::Dialect::create_migrations_table);
  });
}

template <class Database>
std::vector<std::string> apply_migrations(Database& database, std::span<const Migration> migrations,
                                          domain::Timestamp now) {
  std::vector<std::string> applied;
  for (const Migration& migration : migrations) {
    // Checked inside the write transaction, under the migration lock, so that concurrent migrators cannot
    // apply the same version twice.
    const bool ran = database.write([&](auto& c) {
      Database::Dialect::lock_migrations(c);
      if (c.query("SELECT 1 FROM schema_migrations WHERE version = ?1", migration.version).next()) return false;
      c.exec_script(migration.sql);
      c.execute("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?1, ?2, ?3)", migration.version,
                migration.name, now);
      return true;
    });
    if (ran) applied.push_back(migration.name);
  }
  return applied;
}

template <class Database>
bool migrations_applied(Database& database, std::span<const Migration> migrations) {
  return database.read([&](auto& c) {
    std::set<std::int64_t> versions;
    auto rows = c.query("SELECT version FROM schema_migrations");
    while (rows.next()) versions.insert(rows.int64(0));
    for (const Migration& migration : migrations)
      if (!versions.contains(migration.version)) return false;
    return true;
  });
}

template void ensure_migrations_table(sqlite::Database&);
template void ensure_migrations_table(postgres::Database&);
template std::vector<std::string> apply_migrations(sqlite::Database&, std::span<const Migration>, domain::Timestamp);
template std::vector<std::string> apply_migrations(postgres::Database&, std::span<const Migration>, domain::Timestamp);
template bool migrations_applied(sqlite::Database&, std::span<const Migration>);
template bool migrations_applied(postgres::Database&, std::span<const Migration>);

}  // namespace vka::store::sql
