#include "app/collect_task.hpp"

#include "api/task_creation.hpp"
#include "api/task_json.hpp"
#include "api/task_refresh.hpp"
#include "domain/task_state.hpp"

namespace vka::app {

namespace {

boost::json::object comparable(domain::TaskParams params) {
  params.name.reset();
  return api::task_params_to_json(params);
}

std::optional<domain::Task> newest_with_params(store::TaskRepository& tasks, const domain::TaskParams& params) {
  const auto wanted = comparable(params);
  store::TaskListQuery query{.owner = std::string{collect_owner}, .limit = 200};
  for (;;) {
    auto page = tasks.list(query);
    for (auto& task : page.items)
      if (comparable(task.params) == wanted) return std::move(task);
    if (!page.next) return std::nullopt;
    query.after = page.next;
  }
}

// A paused or failed task goes back to the queue with a new collect job, as the API's resume does; the
// status is compared and set, so a task that moved meanwhile is looked at again.
domain::Task resume_if_stopped(store::TaskRepository& tasks, domain::Task task) {
  while (task.status == domain::TaskStatus::paused || task.status == domain::TaskStatus::failed) {
    const auto next = *domain::transition(task.status, domain::TaskAction::resume);
    const store::TaskTransition change{.from = task.status,
                                       .to = next,
                                       .at = domain::now(),
                                       .event = {"task." + std::string{domain::to_string(next)}, "{}"},
                                       .job = api::collect_job(task.id),
                                       .reopen = task.status == domain::TaskStatus::failed};
    auto result = tasks.transition(task.id, change);
    if (!result.task) break;  // removed meanwhile: the caller sees the status it had
    task = std::move(*result.task);
  }
  return task;
}

}  // namespace

CollectTask find_or_create_task(store::Store& store, domain::TaskParams params, bool refresh) {
  auto& tasks = store.tasks();
  if (auto existing = newest_with_params(tasks, params)) {
    switch (existing->status) {
      case domain::TaskStatus::completed:
      case domain::TaskStatus::completed_with_errors: {
        if (!refresh) return {std::move(*existing), TaskOrigin::finished};
        auto started = api::start_refresh(store, *existing);
        if (started.outcome == store::TransitionResult::Outcome::applied)
          return {std::move(*started.task), TaskOrigin::refreshed};
        return {started.task ? std::move(*started.task) : std::move(*existing), TaskOrigin::resumed};
      }
      case domain::TaskStatus::queued:
      case domain::TaskStatus::running:
      case domain::TaskStatus::paused:
      case domain::TaskStatus::failed: return {resume_if_stopped(tasks, std::move(*existing)), TaskOrigin::resumed};
      case domain::TaskStatus::canceled: break;
    }
  }
  return {api::create_task(store, std::move(params), std::string{collect_owner}), TaskOrigin::created};
}

}  // namespace vka::app
