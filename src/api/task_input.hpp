#pragma once
// POST /api/v1/tasks: the JSON body (and, later, multipart form fields) into normalized TaskParams.
#include <boost/json/object.hpp>

#include <functional>
#include <string>

#include "domain/task.hpp"

namespace vka::api {

inline constexpr int max_posts_per_group = 100000;
inline constexpr std::size_t max_task_name_bytes = 200;
inline constexpr std::size_t max_refs_per_task = 10000;

// How a problem with item i of a list is named in error.details.
using ItemField = std::function<std::string(std::size_t index)>;

// Throws 400 validation_failed listing every problem; bad group items are named by
// group_field, "groups[i]" by default.
domain::TaskParams parse_task_params(const boost::json::object& body, const ItemField& group_field = {});

}  // namespace vka::api
