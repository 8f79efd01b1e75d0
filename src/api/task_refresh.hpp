#pragma once
// Starting a refresh of a finished task, shared by the API, the schedule and the collect command: the task
// goes back to the queue with a collect job, and its walls are read again from the top. The collector then
// takes the new posts, updates the known ones and reads again the comments of every post whose comments
// count changed (store::CollectionRepository::write_posts).
#include "domain/task.hpp"
#include "store/store.hpp"

namespace vka::api {

// A compare-and-set on the task's status, as `task` shows it: status_changed (with the task as it is now,
// or as given when a refresh is impossible from its status) when it cannot start.
store::TransitionResult start_refresh(store::Store& store, const domain::Task& task);

}  // namespace vka::api
