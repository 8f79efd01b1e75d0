#pragma once
// The fencing check every lease-bound write makes first, inside its transaction.
#include <string_view>

#include "store/lease_token.hpp"
#include "store/sqlite/connection.hpp"

namespace vka::store::sqlite {

// True while the job is leased under that generation and belongs to the task. The write transaction
// holds the database's write lock, so the answer stays true until it commits.
bool holds_lease(Connection& connection, const LeaseToken& lease, std::string_view task_id);

}  // namespace vka::store::sqlite
