#pragma once
// Which task `collect` works on: its local database keeps every task it made, so running the same
// command again resumes the unfinished one, or refreshes the finished one (or only exports it again),
// instead of collecting twice.
#include <string_view>

#include "domain/task.hpp"
#include "store/store.hpp"

namespace vka::app {

// The owner of the tasks `collect` creates.
inline constexpr std::string_view collect_owner = "collect";

enum class TaskOrigin {
  created,    // no reusable task had these params
  resumed,    // an unfinished one (queued, running or paused; a paused one is resumed)
  finished,   // a completed one, with or without errors, exported again as it is
  refreshed,  // a completed one, refreshing: what is new since it finished is collected
};

struct CollectTask {
  domain::Task task;
  TaskOrigin origin = TaskOrigin::created;
};

// The newest task of collect_owner whose params equal `params` (the name aside) decides: unfinished and
// failed ones are resumed from their checkpoints, completed ones refreshed (or, without `refresh`, reused
// as they are); a canceled one, or none, gets a new task.
CollectTask find_or_create_task(store::Store& store, domain::TaskParams params, bool refresh);

}  // namespace vka::app
