#pragma once
// The webhook writes and reads that ride along in task transactions: a task's webhook read with the task,
// and the delivery its webhook event puts in the outbox. Templates over either engine's Connection.
#include <optional>
#include <string_view>

#include "domain/task.hpp"
#include "domain/time.hpp"
#include "domain/webhook_events.hpp"

namespace vka::store::sql {

inline std::optional<domain::TaskWebhook> load_task_webhook(auto& connection, std::string_view task_id) {
  auto rows = connection.query("SELECT url FROM task_webhooks WHERE task_id = ?1", task_id);
  if (!rows.next()) return std::nullopt;
  return domain::TaskWebhook{rows.text(0)};
}

// Puts a delivery of the event in the outbox, due at once, when it is a webhook event and the task has a
// webhook; its body is rendered by the sender's first attempt.
inline void enqueue_webhook_delivery(auto& connection, std::string_view task_id, std::string_view event_type,
                                     domain::Timestamp at) {
  if (!domain::is_webhook_event(event_type)) return;
  connection.execute(
      "INSERT INTO webhook_deliveries (task_id, event, at, status, attempts, next_attempt_at, created_at) "
      "SELECT task_id, ?2, ?3, 'pending', 0, ?3, ?3 FROM task_webhooks WHERE task_id = ?1",
      task_id, event_type, at);
}

}  // namespace vka::store::sql
