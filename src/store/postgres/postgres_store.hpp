#pragma once
// The Store on a PostgreSQL database, shared by any number of processes.
#include <string>

#include "store/postgres/database.hpp"
#include "store/sql/sql_store.hpp"

namespace vka::store::postgres {

class PostgresStore final : public sql::SqlStore<Database> {
 public:
  // url: the whole postgresql:// URL as libpq takes it; it never appears in messages or logs.
  PostgresStore(const std::string& url, const StoreOptions& options)
      : SqlStore("postgres", options.find_phrases, url, options.connections), url_(url) {}

  // A session of its own LISTENs for the NOTIFY that queueing a job sends (see the migrations).
  std::unique_ptr<Subscription> watch_queued_jobs(std::function<void()> wake) override;
  // A session of its own LISTENs for the NOTIFY of Dialect::announce_change.
  std::unique_ptr<Subscription> watch_changes(std::function<void()> wake) override;

 private:
  std::string url_;
};

}  // namespace vka::store::postgres
