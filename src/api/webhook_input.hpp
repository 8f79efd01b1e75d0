#pragma once
// The `webhook` member of a task, at creation and in PATCH: null (no webhook) or {"url": "http(s)://…"}.
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <optional>
#include <string>

namespace vka::api {

struct WebhookInput {
  std::optional<std::string> url;  // nullopt: the task has no webhook
};

// Throws 400 validation_failed naming "webhook" or "webhook.url"; see webhook_url.hpp for the URLs allowed.
WebhookInput parse_webhook(const boost::json::value& value, bool allow_private);
// Removes the `webhook` member from a task's body, which then holds the other fields alone, and parses it;
// nullopt when the body has none.
std::optional<WebhookInput> take_webhook(boost::json::object& body, bool allow_private);

}  // namespace vka::api
