#pragma once
// POST /api/v1/tasks: the JSON body (or the multipart form made into one) into normalized TaskParams.
// Reading checks the JSON types; the rules of a task are domain::check_task_request's.
#include <boost/json/object.hpp>

#include <functional>
#include <string>

#include "domain/task.hpp"

namespace vka::api {

// How a problem with item i of a list is named in error.details.
using ItemField = std::function<std::string(std::size_t index)>;

// Throws 400 validation_failed listing every problem; bad group items are named by
// group_field, "groups[i]" by default.
domain::TaskParams parse_task_params(const boost::json::object& body, const ItemField& group_field = {});

}  // namespace vka::api
