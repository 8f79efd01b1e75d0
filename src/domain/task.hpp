#pragma once
// A collection task: what the analyst asked for, where it stands, what went wrong.
#include <array>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "domain/time.hpp"

namespace vka::domain {

enum class TaskStatus { queued, running, paused, completed, completed_with_errors, failed, canceled };
inline constexpr std::array all_task_statuses{TaskStatus::queued,
                                              TaskStatus::running,
                                              TaskStatus::paused,
                                              TaskStatus::completed,
                                              TaskStatus::completed_with_errors,
                                              TaskStatus::failed,
                                              TaskStatus::canceled};

std::string_view to_string(TaskStatus status);
std::optional<TaskStatus> parse_task_status(std::string_view text);
bool is_terminal(TaskStatus status);

// A community as the analyst named it, after normalization: a numeric community id
// (always positive) or a screen name still to be resolved through VK (lowercase).
struct GroupRef {
  std::variant<std::int64_t, std::string> value;
  bool operator==(const GroupRef&) const = default;
};

// A single wall post, "<owner_id>_<post_id>"; community owners are negative.
struct PostRef {
  std::int64_t owner_id = 0;
  std::int64_t post_id = 0;
  bool operator==(const PostRef&) const = default;
};

struct TaskParams {
  std::optional<std::string> name;
  std::vector<GroupRef> groups;
  std::vector<PostRef> posts;
  int posts_per_group = 10;
  std::optional<Timestamp> since;
  std::optional<Timestamp> until;
  bool threads = true;
  std::optional<std::string> vk_token_id;
};

struct TaskProgress {
  std::int64_t groups_total = 0;
  std::int64_t groups_done = 0;
  std::int64_t posts_found = 0;
  std::int64_t posts_done = 0;
  std::int64_t comments_expected = 0;
  std::int64_t comments_collected = 0;
  std::int64_t vk_requests = 0;
  std::int64_t retries = 0;
  std::optional<std::int64_t> eta_seconds;
};

struct TaskError {
  std::string scope;  // "group:-42", "post:-1_123", "task"
  std::string code;   // stable snake_case, e.g. "vk_access_denied"
  std::optional<int> vk_error_code;
  std::string message;
  Timestamp at;
};

// Why a running task collects nothing for now: VK or the network is unreachable (or VK asked to wait). The
// task tries again by itself; this is cleared once a batch succeeds or the task changes status.
struct TaskWaiting {
  std::string reason;  // e.g. "VK unreachable: connect failed: Connection refused"
  Timestamp since;     // when this stretch of waiting began
  bool operator==(const TaskWaiting&) const = default;
};

// Where the task's events are POSTed (see webhook_events.hpp). Its signing secret is not part of the task:
// it is sealed in the store and shown only to whoever sets the webhook.
struct TaskWebhook {
  std::string url;
  bool operator==(const TaskWebhook&) const = default;
};

// How often the server refreshes a task by itself (api: schedule {"every": "6h"}).
struct TaskSchedule {
  std::chrono::seconds every{0};
  bool operator==(const TaskSchedule&) const = default;
};

struct Task {
  std::string id;
  TaskStatus status = TaskStatus::queued;
  Timestamp created_at;
  std::optional<Timestamp> started_at;
  std::optional<Timestamp> finished_at;
  std::string owner;  // id of the API key or user that created it
  TaskParams params;
  TaskProgress progress;
  std::vector<TaskError> errors;
  std::optional<TaskWaiting> waiting;
  std::optional<TaskWebhook> webhook;
  std::optional<TaskSchedule> schedule;
  std::optional<Timestamp> last_refreshed_at;  // when its latest refresh ended
  std::optional<Timestamp> next_refresh_at;    // when the schedule refreshes it next
};

// A refresh runs the task again after it finished once: while it runs, finished_at still tells when the
// previous collection or refresh ended (a first collection has none, nor has a failed one resumed).
bool is_refreshing(const Task& task);

}  // namespace vka::domain
