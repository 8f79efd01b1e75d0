#include "store/postgres/lease_fence.hpp"

namespace vka::store::postgres {

bool holds_lease(Connection& connection, const LeaseToken& lease, std::string_view task_id) {
  if (!connection
           .query("SELECT 1 FROM jobs WHERE id = $1 AND lease_generation = $2 AND state = 'leased' AND task_id = $3 "
                  "FOR SHARE",
                  lease.job_id, lease.generation, task_id)
           .next())
    return false;
  return connection.query("SELECT 1 FROM tasks WHERE id = $1 FOR NO KEY UPDATE", task_id).next();
}

}  // namespace vka::store::postgres
