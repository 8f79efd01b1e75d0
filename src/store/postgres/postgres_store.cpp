#include "store/postgres/postgres_store.hpp"

#include "store/postgres/connection.hpp"
#include "store/postgres/notification_listener.hpp"

namespace vka::store::postgres {

std::unique_ptr<Subscription> PostgresStore::watch_queued_jobs(std::function<void()> wake) {
  return std::make_unique<NotificationListener>(url_, "vka_jobs", std::move(wake));
}

std::unique_ptr<Subscription> PostgresStore::watch_changes(std::function<void()> wake) {
  return std::make_unique<NotificationListener>(url_, std::string{changes_channel}, std::move(wake));
}

}  // namespace vka::store::postgres
