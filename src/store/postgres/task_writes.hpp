#pragma once
// Changes to a task's own rows that several writes make inside their transaction.
#include <string_view>

#include "domain/task.hpp"
#include "domain/time.hpp"
#include "store/postgres/connection.hpp"

namespace vka::store::postgres {

// Adds every counter of delta and replaces eta_seconds when delta has one; false when there is no such task.
bool add_task_progress(Connection& connection, std::string_view task_id, const domain::TaskProgress& delta,
                       domain::Timestamp at);

// Appends to the task's errors. Call after append_event or holds_lease, which lock the task row and so
// order the seqs.
void insert_task_error(Connection& connection, std::string_view task_id, const domain::TaskError& error);

// Like insert_task_error, unless the task already has an error of that scope and code; true when added.
bool insert_task_error_once(Connection& connection, std::string_view task_id, const domain::TaskError& error);

}  // namespace vka::store::postgres
