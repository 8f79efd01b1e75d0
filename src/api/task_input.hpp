#pragma once
// POST /api/v1/tasks: the JSON body (and, later, multipart form fields) into normalized TaskParams.
#include <boost/json/object.hpp>

#include "domain/task.hpp"

namespace vka::api {

inline constexpr int max_posts_per_group = 100000;
inline constexpr std::size_t max_task_name_bytes = 200;
inline constexpr std::size_t max_refs_per_task = 10000;

// Throws 400 validation_failed listing every problem (bad group items by "groups[i]").
domain::TaskParams parse_task_params(const boost::json::object& body);

}  // namespace vka::api
