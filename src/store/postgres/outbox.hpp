#pragma once
// Writes that ride along in a mutation's transaction: its domain event and the jobs it causes.
#include <optional>
#include <string_view>

#include "domain/time.hpp"
#include "store/event_repository.hpp"
#include "store/job_request.hpp"
#include "store/postgres/connection.hpp"

namespace vka::store::postgres {

// Takes the task's next seq (locking the task row until commit) and inserts the event; nullopt when the task
// does not exist.
std::optional<StoredEvent> append_event(Connection& connection, std::string_view task_id, const NewEvent& event,
                                        domain::Timestamp at);

// A no-op while the task already has a live (queued or leased) job of that kind.
void enqueue_job(Connection& connection, std::string_view task_id, const NewJob& job, domain::Timestamp now);

}  // namespace vka::store::postgres
