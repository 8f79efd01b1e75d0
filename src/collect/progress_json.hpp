#pragma once
// A task's progress in the contract's JSON shape, the one shape both the API's task and the collector's
// task.completed / task.failed events carry.
#include <boost/json/object.hpp>

#include "domain/task.hpp"

namespace vka::collect {

// A finished task has no time left to estimate, and a waiting one none that can be trusted: their
// eta_seconds is null.
boost::json::object progress_to_json(const domain::TaskProgress& progress, bool finished);

}  // namespace vka::collect
