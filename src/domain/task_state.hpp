#pragma once
// The task lifecycle. Analysts pause, resume and cancel; workers start, requeue and finish.
//
//   queued  --start-->  running  --complete / complete_with_errors / fail-->  (terminal)
//   queued  --pause-->  paused   --resume-->  queued      running --pause--> paused
//   running --requeue--> queued   (the worker lost its lease or is shutting down)
//   queued / running / paused --cancel--> canceled
//   failed  --resume-->  queued   (after its permanent cause was fixed; collection goes on from its checkpoints)
//   completed / completed_with_errors --refresh--> queued   (collects what is new since it finished)
//
// Repeating the current state (pausing a paused task) is not a transition.
#include <optional>
#include <string>
#include <string_view>

#include "domain/task.hpp"

namespace vka::domain {

enum class TaskAction { start, pause, resume, cancel, requeue, complete, complete_with_errors, fail, refresh };

std::string_view to_string(TaskAction action);
std::optional<TaskAction> parse_task_action(std::string_view text);

// nullopt when the action is impossible from that status.
std::optional<TaskStatus> transition(TaskStatus from, TaskAction action);

// "cannot resume a task that is running" — for the 409 message when transition() gives nullopt.
std::string transition_problem(TaskStatus from, TaskAction action);

}  // namespace vka::domain
