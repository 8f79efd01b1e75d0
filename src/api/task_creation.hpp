#pragma once
// Creating a task and the jobs that drive it; shared by the API and the demo.
#include <string>

#include "domain/task.hpp"
#include "store/store.hpp"

namespace vka::api {

// Stores a queued task with its first event and its collection job, in one transaction.
domain::Task create_task(store::Store& store, domain::TaskParams params, std::string owner,
                         std::optional<domain::TaskSchedule> schedule = std::nullopt);
// The job that collects (or resumes collecting) a task.
store::NewJob collect_job(const std::string& task_id);

}  // namespace vka::api
