#include "store/sqlite/sqlite_store.hpp"

#include <spdlog/spdlog.h>

#include "store/error.hpp"
#include "store/sqlite/migrator.hpp"

namespace vka::store::sqlite {

SqliteStore::SqliteStore(const std::string& path, const StoreOptions& options)
    : migrations_(builtin_migrations("sqlite")), database_(path, options.readers, options.busy_timeout_ms) {
  ensure_migrations_table(database_);
}

std::vector<std::string> SqliteStore::migrate() { return apply_migrations(database_, migrations_, domain::now()); }

bool SqliteStore::migrations_current() { return migrations_applied(database_, migrations_); }

bool SqliteStore::ping() noexcept {
  try {
    return database_.read([](Connection& c) { return c.query("SELECT 1").next(); });
  } catch (const std::exception& e) {
    spdlog::warn("sqlite ping failed: {}", e.what());
    return false;
  }
}

void SqliteStore::close() { database_.close(); }

}  // namespace vka::store::sqlite
