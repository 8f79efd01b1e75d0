#pragma once
// The fencing check every lease-bound write makes first, inside its transaction.
#include <string>
#include <string_view>

#include "store/lease_token.hpp"

namespace vka::store::sql {

// True while the job is leased under that generation and belongs to the task. The job row then stays as it
// is until commit (share-locked on PostgreSQL; SQLite's write lock covers it), so no lease, release or ending
// can change it before this write commits; the task row is locked too, which serializes the task's writes.
template <class Dialect>
bool holds_lease(auto& connection, const LeaseToken& lease, std::string_view task_id) {
  const std::string sql =
      "SELECT 1 FROM jobs WHERE id = ?1 AND lease_generation = ?2 AND state = 'leased' AND task_id = ?3" +
      std::string(Dialect::share_lock);
  if (!connection.query(sql, lease.job_id, lease.generation, task_id).next()) return false;
  return Dialect::lock_task(connection, task_id);
}

}  // namespace vka::store::sql
