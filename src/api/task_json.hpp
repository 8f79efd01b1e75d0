#pragma once
// Task values in the contract's JSON shape.
#include <boost/json/object.hpp>

#include "domain/task.hpp"

namespace vka::api {

boost::json::object task_to_json(const domain::Task& task);
boost::json::object task_params_to_json(const domain::TaskParams& params);

}  // namespace vka::api
