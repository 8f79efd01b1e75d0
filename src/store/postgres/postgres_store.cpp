#include "store/postgres/postgres_store.hpp"

#include "store/postgres/job_listener.hpp"

namespace vka::store::postgres {

std::unique_ptr<Subscription> PostgresStore::watch_queued_jobs(std::function<void()> wake) {
  return std::make_unique<JobListener>(url_, "vka_jobs", std::move(wake));
}

}  // namespace vka::store::postgres
