#pragma once
// Changes to a task's own rows that several writes make inside their transaction, and the writes that ride
// along in a mutation's transaction: its domain event and the jobs it causes. Templates over either engine's
// Connection.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "domain/task.hpp"
#include "domain/time.hpp"
#include "store/event_repository.hpp"
#include "store/job_request.hpp"
#include "store/sql/webhook_rows.hpp"

namespace vka::store::sql {

// Adds every counter of delta and replaces eta_seconds when delta has one; false when there is no such task.
inline bool add_task_progress(auto& connection, std::string_view task_id, const domain::TaskProgress& delta,
                              domain::Timestamp at) {
  return connection.execute(
             "UPDATE tasks SET groups_total = groups_total + ?2, groups_done = groups_done + ?3, "
             "posts_found = posts_found + ?4, posts_done = posts_done + ?5, "
             "comments_expected = comments_expected + ?6, comments_collected = comments_collected + ?7, "
             "vk_requests = vk_requests + ?8, retries = retries + ?9, eta_seconds = COALESCE(?10, eta_seconds), "
             "updated_at = ?11 WHERE id = ?1",
             task_id, delta.groups_total, delta.groups_done, delta.posts_found, delta.posts_done,
             delta.comments_expected, delta.comments_collected, delta.vk_requests, delta.retries, delta.eta_seconds,
             at) > 0;
}

// Appends to the task's errors. Call after append_event, which locks the task row and so orders the seqs.
inline void insert_task_error(auto& connection, std::string_view task_id, const domain::TaskError& error) {
  connection.execute(
      "INSERT INTO task_errors (task_id, seq, scope, code, vk_error_code, message, at) "
      "SELECT ?1, COALESCE(MAX(seq), 0) + 1, ?2, ?3, ?4, ?5, ?6 FROM task_errors WHERE task_id = ?1",
      task_id, error.scope, error.code, error.vk_error_code, error.message, error.at);
  connection.execute("UPDATE tasks SET updated_at = ?2 WHERE id = ?1", task_id, error.at);
}

// Like insert_task_error, unless the task already has an error of that scope and code; true when added.
inline bool insert_task_error_once(auto& connection, std::string_view task_id, const domain::TaskError& error) {
  if (connection
          .query("SELECT 1 FROM task_errors WHERE task_id = ?1 AND scope = ?2 AND code = ?3", task_id, error.scope,
                 error.code)
          .next())
    return false;
  insert_task_error(connection, task_id, error);
  return true;
}

// Takes the task's next seq and inserts the event, with its webhook delivery if it causes one; nullopt when
// the task does not exist.
inline std::optional<StoredEvent> append_event(auto& connection, std::string_view task_id, const NewEvent& event,
                                               domain::Timestamp at) {
  std::int64_t seq = 0;
  {
    auto rows = connection.query(
        "UPDATE tasks SET last_event_seq = last_event_seq + 1 WHERE id = ?1 RETURNING last_event_seq", task_id);
    if (!rows.next()) return std::nullopt;
    seq = rows.int64(0);
  }
  connection.execute("INSERT INTO task_events (task_id, seq, type, payload, at) VALUES (?1, ?2, ?3, ?4, ?5)", task_id,
                     seq, event.type, event.payload_json, at);
  enqueue_webhook_delivery(connection, task_id, event.type, at);
  connection.announce_change();
  return StoredEvent{std::string(task_id), seq, event.type, event.payload_json, at};
}

// A no-op while the task already has a live (queued or leased) job of that kind.
inline void enqueue_job(auto& connection, std::string_view task_id, const NewJob& job, domain::Timestamp now) {
  connection.execute(
      "INSERT INTO jobs (task_id, kind, payload, state, priority, run_after, created_at, updated_at) "
      "VALUES (?1, ?2, ?3, 'queued', ?4, ?5, ?6, ?6) ON CONFLICT DO NOTHING",
      task_id, job.kind, job.payload_json, job.priority, job.run_after, now);
}

}  // namespace vka::store::sql
