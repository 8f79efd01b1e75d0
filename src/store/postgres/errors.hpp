#pragma once
// Turns libpq failures into StoreError: the detail goes to the log, a safe sentence to the caller.
#include <string_view>

#include "store/error.hpp"

namespace vka::store::postgres {

// sqlstate: the five-character SQLSTATE of the failure, or empty when the server sent none (the connection
// broke); connection_lost: libpq reports the connection as gone.
StoreError classify(std::string_view sqlstate, bool connection_lost);

}  // namespace vka::store::postgres
