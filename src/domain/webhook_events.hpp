#pragma once
// The task events a webhook is told about. A task that ends as completed_with_errors writes task.completed
// too (its status in the payload tells which); pausing, resuming and canceling are the caller's own acts
// and are not sent.
#include <array>
#include <string_view>

namespace vka::domain {

inline constexpr std::array<std::string_view, 3> webhook_events{"task.completed", "task.failed", "task.refreshed"};

bool is_webhook_event(std::string_view event_type);

}  // namespace vka::domain
