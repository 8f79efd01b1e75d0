#include "api/task_webhook.hpp"

#include "api/task_json.hpp"
#include "auth/webhook_secrets.hpp"
#include "http/api_error.hpp"

namespace vka::api {

std::optional<std::string> apply_webhook(Services& services, domain::Task& task, const WebhookInput& input) {
  auto& webhooks = services.store.webhooks();
  if (!input.url) {
    webhooks.clear(task.id);
    task.webhook.reset();
    return std::nullopt;
  }
  std::string secret = auth::WebhookSecrets::generate();
  if (!webhooks.set(task.id, {*input.url, services.webhook_secrets.seal(secret)}, domain::now()))
    throw http::not_found("No task with this id.");
  task.webhook = domain::TaskWebhook{*input.url};
  return secret;
}

boost::json::object task_json_with_secret(const domain::Task& task, const std::optional<std::string>& secret) {
  auto json = task_to_json(task);
  if (secret && task.webhook) json["webhook"].as_object()["secret"] = *secret;
  return json;
}

}  // namespace vka::api
