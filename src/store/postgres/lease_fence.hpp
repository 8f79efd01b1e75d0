#pragma once
// The fencing check every lease-bound write makes first, inside its transaction.
#include <string_view>

#include "store/lease_token.hpp"
#include "store/postgres/connection.hpp"

namespace vka::store::postgres {

// True while the job is leased under that generation and belongs to the task. The job row is then share-locked
// until commit, so no lease, release or ending can change it before this write commits; the task row is
// locked too, which serializes the task's writes as SQLite's single writer does.
bool holds_lease(Connection& connection, const LeaseToken& lease, std::string_view task_id);

}  // namespace vka::store::postgres
