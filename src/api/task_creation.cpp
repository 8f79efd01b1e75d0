#include "api/task_creation.hpp"

#include "domain/ids.hpp"

namespace vka::api {

store::NewJob collect_job(const std::string& task_id) {
  return {.kind = "collect", .payload_json = R"({"task_id":")" + task_id + R"("})", .run_after = domain::now()};
}

domain::Task create_task(store::Store& store, domain::TaskParams params, std::string owner,
                         std::optional<domain::TaskSchedule> schedule) {
  domain::Task task;
  task.id = domain::new_id(domain::IdKind::task);
  task.params = std::move(params);
  task.status = domain::TaskStatus::queued;
  task.created_at = domain::now();
  task.owner = std::move(owner);
  task.schedule = schedule;
  if (schedule) task.next_refresh_at = task.created_at + schedule->every;
  store.tasks().create(task, {"task.created", "{}"}, collect_job(task.id));
  return task;
}

}  // namespace vka::api
