#pragma once
// Task webhooks and their delivery outbox in SQL both engines run; leasing skips rows another process is
// leasing (the dialect's skip_locked).
#include "store/sql/engines.hpp"
#include "store/webhook_repository.hpp"

namespace vka::store::sql {

template <class Database>
class WebhookRepositoryOn final : public WebhookRepository {
 public:
  explicit WebhookRepositoryOn(Database& database) : database_(database) {}

  bool set(std::string_view task_id, const StoredWebhook& webhook, domain::Timestamp at) override;
  bool clear(std::string_view task_id) override;
  std::optional<LeasedDelivery> lease(domain::Timestamp now, std::chrono::seconds attempt_deadline) override;
  bool record(const DeliveryAttempt& attempt) override;
  DeliveryPage list(std::string_view task_id, std::optional<std::int64_t> after, int limit) override;

 private:
  Database& database_;
};

extern template class WebhookRepositoryOn<sqlite::Database>;
extern template class WebhookRepositoryOn<postgres::Database>;

}  // namespace vka::store::sql
