#pragma once
// The Store on one SQLite file. Workers poll for queued jobs and change watchers hear only this process's
// writes: another process's writes cannot wake them.
#include <string>

#include "store/sql/sql_store.hpp"
#include "store/sqlite/database.hpp"

namespace vka::store::sqlite {

class SqliteStore final : public sql::SqlStore<Database> {
 public:
  SqliteStore(const std::string& path, const StoreOptions& options)
      : SqlStore("sqlite", options.find_phrases, path, options.readers, options.busy_timeout_ms) {}

  std::unique_ptr<Subscription> watch_queued_jobs(std::function<void()>) override { return nullptr; }
  std::unique_ptr<Subscription> watch_changes(std::function<void()> wake) override {
    return database().changes().subscribe(std::move(wake));
  }
};

}  // namespace vka::store::sqlite
