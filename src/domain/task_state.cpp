#include "domain/task_state.hpp"

#include <fmt/format.h>

#include <array>

#include "domain/enum_names.hpp"

namespace vka::domain {

namespace {
constexpr auto action_names = enum_names<TaskAction>({
    {TaskAction::start, "start"},
    {TaskAction::pause, "pause"},
    {TaskAction::resume, "resume"},
    {TaskAction::cancel, "cancel"},
    {TaskAction::requeue, "requeue"},
    {TaskAction::complete, "complete"},
    {TaskAction::complete_with_errors, "complete_with_errors"},
    {TaskAction::fail, "fail"},
    {TaskAction::refresh, "refresh"},
});

struct Edge {
  TaskStatus from;
  TaskAction action;
  TaskStatus to;
};

constexpr std::array<Edge, 14> edges{{
    {TaskStatus::queued, TaskAction::start, TaskStatus::running},
    {TaskStatus::queued, TaskAction::pause, TaskStatus::paused},
    {TaskStatus::queued, TaskAction::cancel, TaskStatus::canceled},
    {TaskStatus::running, TaskAction::pause, TaskStatus::paused},
    {TaskStatus::running, TaskAction::cancel, TaskStatus::canceled},
    {TaskStatus::running, TaskAction::requeue, TaskStatus::queued},
    {TaskStatus::running, TaskAction::complete, TaskStatus::completed},
    {TaskStatus::running, TaskAction::complete_with_errors, TaskStatus::completed_with_errors},
    {TaskStatus::running, TaskAction::fail, TaskStatus::failed},
    {TaskStatus::paused, TaskAction::resume, TaskStatus::queued},
    {TaskStatus::paused, TaskAction::cancel, TaskStatus::canceled},
    {TaskStatus::failed, TaskAction::resume, TaskStatus::queued},
    {TaskStatus::completed, TaskAction::refresh, TaskStatus::queued},
    {TaskStatus::completed_with_errors, TaskAction::refresh, TaskStatus::queued},
}};

std::string spaced(std::string_view word) {
  std::string out(word);
  for (char& c : out)
    if (c == '_') c = ' ';
  return out;
}
}  // namespace

std::string_view to_string(TaskAction action) { return action_names.name(action); }

std::optional<TaskAction> parse_task_action(std::string_view text) { return action_names.parse(text); }

std::optional<TaskStatus> transition(TaskStatus from, TaskAction action) {
  for (const auto& edge : edges)
    if (edge.from == from && edge.action == action) return edge.to;
  return std::nullopt;
}

std::string transition_problem(TaskStatus from, TaskAction action) {
  return fmt::format("cannot {} a task that is {}", spaced(to_string(action)), spaced(to_string(from)));
}

}  // namespace vka::domain
