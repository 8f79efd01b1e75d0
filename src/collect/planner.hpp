#pragma once
// The next batch of VK calls for a task: up to 25, as full as the pending work allows, mixing calls of
// several communities, posts and reply branches. Lookups come first (walls need community ids), then
// named posts, walls and comments; a wall, top level or branch contributes several consecutive pages at
// once when it is known to need them. Pure.
#include <vector>

#include "collect/wall_paging.hpp"
#include "collect/work.hpp"

namespace vka::collect {

struct PlanOptions {
  std::size_t max_calls = 25;  // one execute
  PostWindow window;
  bool follow_threads = true;  // params.threads: inline replies and full branches
};

std::vector<PlannedCall> plan_batch(const PendingWork& work, const PlanOptions& options);

}  // namespace vka::collect
