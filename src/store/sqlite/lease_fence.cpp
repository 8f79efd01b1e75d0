#include "store/sqlite/lease_fence.hpp"

namespace vka::store::sqlite {

bool holds_lease(Connection& connection, const LeaseToken& lease, std::string_view task_id) {
  Rows rows = connection.query(
      "SELECT 1 FROM jobs WHERE id = ?1 AND lease_generation = ?2 AND state = 'leased' AND task_id = ?3", lease.job_id,
      lease.generation, task_id);
  return rows.next();
}

}  // namespace vka::store::sqlite
