#include "store/postgres/postgres_store.hpp"

#include <spdlog/spdlog.h>

#include "store/error.hpp"
#include "store/postgres/job_listener.hpp"
#include "store/postgres/migrator.hpp"

namespace vka::store::postgres {

PostgresStore::PostgresStore(const std::string& url, const StoreOptions& options)
    : url_(url), migrations_(builtin_migrations("postgres")), database_(url, options.connections) {
  ensure_migrations_table(database_);
}

std::vector<std::string> PostgresStore::migrate() { return apply_migrations(database_, migrations_, domain::now()); }

bool PostgresStore::migrations_current() { return migrations_applied(database_, migrations_); }

bool PostgresStore::ping() noexcept {
  try {
    return database_.session([](Connection& c) { return c.query("SELECT 1").next(); });
  } catch (const std::exception& e) {
    spdlog::warn("postgres ping failed: {}", e.what());
    return false;
  }
}

std::unique_ptr<Subscription> PostgresStore::watch_queued_jobs(std::function<void()> wake) {
  return std::make_unique<JobListener>(url_, "vka_jobs", std::move(wake));
}

void PostgresStore::close() { database_.close(); }

}  // namespace vka::store::postgres
