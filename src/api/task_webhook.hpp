#pragma once
// Giving a task a webhook or taking it away, at creation and in PATCH /api/v1/tasks/{id}. Setting one makes
// a new secret, stored sealed and shown only in the response that sets it.
#include <boost/json/object.hpp>

#include <optional>
#include <string>

#include "api/services.hpp"
#include "api/webhook_input.hpp"
#include "domain/task.hpp"

namespace vka::api {

// Applies the change to the task (and to `task` as the caller holds it); call inside the Store::write_together
// of the request's change. Returns the new secret when a webhook was set.
std::optional<std::string> apply_webhook(Services& services, domain::Task& task, const WebhookInput& input);

// The task's JSON with webhook.secret, for the one response that shows the secret.
boost::json::object task_json_with_secret(const domain::Task& task, const std::optional<std::string>& secret);

}  // namespace vka::api
