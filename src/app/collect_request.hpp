#pragma once
// What `collect` was asked on the command line, turned into the TaskParams the API would make of
// the same request: both go through domain::check_task_request, and its problems are worded here with
// the command line's names ("--posts-per-group: must be an integer from 1 to 100000").
#include <optional>
#include <string>
#include <vector>

#include "domain/task.hpp"

namespace vka::app {

struct CollectRequest {
  std::vector<std::string> groups;  // positional: ids, screen names, vk.com links
  std::vector<std::string> posts;   // --posts, repeatable
  std::optional<int> posts_per_group;
  std::optional<std::string> since;  // RFC 3339
  std::optional<std::string> until;
  bool no_threads = false;
};

struct CollectParams {
  domain::TaskParams params;          // meaningful only when problems is empty
  std::vector<std::string> problems;  // one line each, naming the argument or flag
};

CollectParams to_task_params(const CollectRequest& request);

}  // namespace vka::app
