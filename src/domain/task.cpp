#include "domain/task.hpp"

#include <array>
#include <utility>

namespace vka::domain {

namespace {
constexpr std::array<std::pair<TaskStatus, std::string_view>, 7> status_names{{
    {TaskStatus::queued, "queued"},
    {TaskStatus::running, "running"},
    {TaskStatus::paused, "paused"},
    {TaskStatus::completed, "completed"},
    {TaskStatus::completed_with_errors, "completed_with_errors"},
    {TaskStatus::failed, "failed"},
    {TaskStatus::canceled, "canceled"},
}};
}  // namespace

std::string_view to_string(TaskStatus status) {
  for (const auto& [value, name] : status_names)
    if (value == status) return name;
  return "unknown";
}

std::optional<TaskStatus> parse_task_status(std::string_view text) {
  for (const auto& [value, name] : status_names)
    if (name == text) return value;
  return std::nullopt;
}

bool is_terminal(TaskStatus status) {
  return status == TaskStatus::completed || status == TaskStatus::completed_with_errors ||
         status == TaskStatus::failed || status == TaskStatus::canceled;
}

}  // namespace vka::domain
