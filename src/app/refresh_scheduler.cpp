#include "app/refresh_scheduler.hpp"

#include <spdlog/spdlog.h>

#include "api/task_refresh.hpp"

namespace vka::app {

// Each pass starts every refresh due, so the thread waits a poll interval after each.
RefreshScheduler::RefreshScheduler(store::Store& store, std::chrono::milliseconds poll_interval)
    : store_(store), thread_("scheduled refreshes", poll_interval, [this] {
        run_due();
        return false;
      }) {}

int RefreshScheduler::run_due() {
  int started = 0;
  while (const auto task_id = store_.tasks().claim_due_refresh(domain::now())) {
    const auto task = store_.tasks().get(*task_id);
    if (!task) continue;
    const auto result = api::start_refresh(store_, *task);
    if (result.outcome == store::TransitionResult::Outcome::applied) {
      spdlog::info("task {}: scheduled refresh started", *task_id);
      ++started;
    } else {
      spdlog::info("task {}: scheduled refresh skipped, the task is {}", *task_id,
                   domain::to_string(result.task ? result.task->status : task->status));
    }
  }
  return started;
}

}  // namespace vka::app
