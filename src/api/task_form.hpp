#pragma once
// POST /api/v1/tasks as multipart/form-data: a `groups_file` (text or CSV, one community per
// line, `#` comments, at most 10 000 lines and 1 MiB) plus the JSON body's other fields as
// form fields, except `webhook`, given as `webhook_url` (empty: none). Bad lines are reported as
// "groups_file:<line>".
#include <boost/json/object.hpp>

#include "http/message.hpp"

namespace vka::api {

inline constexpr std::size_t max_groups_file_bytes = 1024 * 1024;
inline constexpr std::size_t max_groups_file_lines = 10000;

bool is_multipart(const http::Request& request);

struct TaskForm {
  boost::json::object body;              // as the JSON body would say it
  std::vector<std::size_t> group_lines;  // the file line of each item of body["groups"]
};

// Throws 400 for malformed forms, unknown or repeated fields and bad values; 413 for a file over 1 MiB.
TaskForm read_task_form(const http::Request& request);

}  // namespace vka::api
