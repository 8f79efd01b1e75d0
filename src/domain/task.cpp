#include "domain/task.hpp"

#include "domain/enum_names.hpp"

namespace vka::domain {

namespace {
constexpr auto status_names = enum_names<TaskStatus>({
    {TaskStatus::queued, "queued"},
    {TaskStatus::running, "running"},
    {TaskStatus::paused, "paused"},
    {TaskStatus::completed, "completed"},
    {TaskStatus::completed_with_errors, "completed_with_errors"},
    {TaskStatus::failed, "failed"},
    {TaskStatus::canceled, "canceled"},
});
}  // namespace

std::string_view to_string(TaskStatus status) { return status_names.name(status); }

std::optional<TaskStatus> parse_task_status(std::string_view text) { return status_names.parse(text); }

bool is_terminal(TaskStatus status) {
  return status == TaskStatus::completed || status == TaskStatus::completed_with_errors ||
         status == TaskStatus::failed || status == TaskStatus::canceled;
}

bool is_refreshing(const Task& task) {
  return (task.status == TaskStatus::queued || task.status == TaskStatus::running ||
          task.status == TaskStatus::paused) &&
         task.finished_at.has_value();
}

}  // namespace vka::domain
