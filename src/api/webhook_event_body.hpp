#pragma once
// The JSON a webhook receives: {"event": "task.completed", "task": <the task as GET /api/v1/tasks/{id} shows
// it>, "at": "<when the event happened>"}.
#include <string>
#include <string_view>

#include "domain/task.hpp"
#include "domain/time.hpp"

namespace vka::api {

std::string webhook_event_body(std::string_view event, const domain::Task& task, domain::Timestamp at);

}  // namespace vka::api
