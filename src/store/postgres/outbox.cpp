#include "store/postgres/outbox.hpp"

namespace vka::store::postgres {

std::optional<StoredEvent> append_event(Connection& connection, std::string_view task_id, const NewEvent& event,
                                        domain::Timestamp at) {
  std::int64_t seq = 0;
  {
    Rows rows = connection.query(
        "UPDATE tasks SET last_event_seq = last_event_seq + 1 WHERE id = $1 RETURNING last_event_seq", task_id);
    if (!rows.next()) return std::nullopt;
    seq = rows.int64(0);
  }
  connection.execute("INSERT INTO task_events (task_id, seq, type, payload, at) VALUES ($1, $2, $3, $4, $5)", task_id,
                     seq, event.type, event.payload_json, at);
  return StoredEvent{std::string(task_id), seq, event.type, event.payload_json, at};
}

void enqueue_job(Connection& connection, std::string_view task_id, const NewJob& job, domain::Timestamp now) {
  connection.execute(
      "INSERT INTO jobs (task_id, kind, payload, state, priority, run_after, created_at, updated_at) "
      "VALUES ($1, $2, $3, 'queued', $4, $5, $6, $6) ON CONFLICT DO NOTHING",
      task_id, job.kind, job.payload_json, job.priority, job.run_after, now);
}

}  // namespace vka::store::postgres
