#include "store/sql/webhook_repository.hpp"

#include <algorithm>
#include <string>

#include "store/blob.hpp"
#include "store/error.hpp"
#include "store/postgres/database.hpp"
#include "store/sqlite/database.hpp"

namespace vka::store {

std::string_view to_string(DeliveryStatus status) {
  switch (status) {
    case DeliveryStatus::pending: return "pending";
    case DeliveryStatus::delivered: return "delivered";
    case DeliveryStatus::failed: return "failed";
  }
  return "pending";
}

}  // namespace vka::store

namespace vka::store::sql {

namespace {

constexpr int max_page = 1000;
constexpr std::string_view delivery_columns =
    "id, task_id, event, at, status, attempts, last_status, last_error, next_attempt_at, delivered_at, created_at";

std::optional<DeliveryStatus> parse_delivery_status(std::string_view text) {
  for (const auto status : {DeliveryStatus::pending, DeliveryStatus::delivered, DeliveryStatus::failed})
    if (to_string(status) == text) return status;
  return std::nullopt;
}

// The delivery at the current row, selected with delivery_columns.
WebhookDelivery read_delivery(const auto& row) {
  const auto status = parse_delivery_status(row.text(4));
  if (!status) throw StoreError(StoreErrorKind::corrupt, "a stored webhook delivery has an unknown status");
  const auto code = row.opt_int64(6);
  return {row.int64(0),
          row.text(1),
          row.text(2),
          row.time(3),
          *status,
          static_cast<int>(row.int64(5)),
          code ? std::optional<int>(static_cast<int>(*code)) : std::nullopt,
          row.opt_text(7),
          row.opt_time(8),
          row.opt_time(9),
          row.time(10)};
}

std::optional<StoredWebhook> find_webhook(auto& connection, std::string_view task_id) {
  auto rows = connection.query("SELECT url, secret FROM task_webhooks WHERE task_id = ?1", task_id);
  if (!rows.next()) return std::nullopt;
  const std::string sealed = rows.blob(1);
  return StoredWebhook{rows.text(0), {sealed.begin(), sealed.end()}};
}

}  // namespace

template <class Database>
bool WebhookRepositoryOn<Database>::set(std::string_view task_id, const StoredWebhook& webhook, domain::Timestamp at) {
  const std::string_view sealed(reinterpret_cast<const char*>(webhook.sealed_secret.data()),
                                webhook.sealed_secret.size());
  return database_.write([&](auto& c) {
    return c.execute(
               "INSERT INTO task_webhooks (task_id, url, secret, created_at) SELECT id, ?2, ?3, ?4 FROM tasks "
               "WHERE id = ?1 ON CONFLICT (task_id) DO UPDATE SET url = excluded.url, secret = excluded.secret, "
               "created_at = excluded.created_at",
               task_id, webhook.url, Blob{sealed}, at) > 0;
  });
}

template <class Database>
bool WebhookRepositoryOn<Database>::clear(std::string_view task_id) {
  return database_.write(
      [&](auto& c) { return c.execute("DELETE FROM task_webhooks WHERE task_id = ?1", task_id) > 0; });
}

template <class Database>
std::optional<LeasedDelivery> WebhookRepositoryOn<Database>::lease(domain::Timestamp now,
                                                                   std::chrono::seconds attempt_deadline) {
  using Dialect = typename Database::Dialect;
  return database_.write([&](auto& c) -> std::optional<LeasedDelivery> {
    std::int64_t id = 0;
    {
      auto rows = c.query(
          "SELECT id FROM webhook_deliveries WHERE status = 'pending' AND next_attempt_at <= ?1 "
          "ORDER BY next_attempt_at, id LIMIT 1" +
              std::string(Dialect::skip_locked),
          now);
      if (!rows.next()) return std::nullopt;
      id = rows.int64(0);
    }
    auto rows = c.query(
        "UPDATE webhook_deliveries SET attempts = attempts + 1, next_attempt_at = ?2 WHERE id = ?1 "
        "RETURNING " +
            std::string(delivery_columns) + ", body",
        id, now + attempt_deadline);
    rows.next();
    LeasedDelivery leased{read_delivery(rows), rows.opt_text(11), std::nullopt};
    leased.webhook = find_webhook(c, leased.delivery.task_id);
    return leased;
  });
}

template <class Database>
bool WebhookRepositoryOn<Database>::record(const DeliveryAttempt& attempt) {
  const bool delivered = !attempt.error;
  const auto status =
      delivered ? DeliveryStatus::delivered : (attempt.retry_at ? DeliveryStatus::pending : DeliveryStatus::failed);
  std::optional<domain::Timestamp> delivered_at;
  if (delivered) delivered_at = attempt.at;
  return database_.write([&](auto& c) {
    return c.execute(
               "UPDATE webhook_deliveries SET status = ?3, body = COALESCE(body, ?4), last_status = ?5, "
               "last_error = ?6, next_attempt_at = ?7, delivered_at = ?8 "
               "WHERE id = ?1 AND attempts = ?2 AND status = 'pending'",
               attempt.id, attempt.attempt, to_string(status), attempt.body, attempt.status_code, attempt.error,
               delivered ? std::nullopt : attempt.retry_at, delivered_at) == 1;
  });
}

template <class Database>
DeliveryPage WebhookRepositoryOn<Database>::list(std::string_view task_id, std::optional<std::int64_t> after,
                                                 int limit) {
  const int page_size = std::clamp(limit, 1, max_page);
  return database_.read([&](auto& c) {
    DeliveryPage page;
    const std::string sql = "SELECT " + std::string(delivery_columns) + " FROM webhook_deliveries WHERE task_id = ?1" +
                            (after ? " AND id < ?2" : "") + " ORDER BY id DESC LIMIT ?3";
    auto rows = c.query(sql, task_id, after, page_size + 1);
    while (rows.next()) {
      if (static_cast<int>(page.items.size()) == page_size) {
        page.next = page.items.back().id;
        break;
      }
      page.items.push_back(read_delivery(rows));
    }
    return page;
  });
}

template class WebhookRepositoryOn<sqlite::Database>;
template class WebhookRepositoryOn<postgres::Database>;

}  // namespace vka::store::sql
