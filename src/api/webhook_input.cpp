#include "api/webhook_input.hpp"

#include "api/single_field_object.hpp"
#include "api/webhook_url.hpp"
#include "http/api_error.hpp"

namespace vka::api {

WebhookInput parse_webhook(const boost::json::value& value, bool allow_private) {
  const auto* url = single_string_field(value, "webhook", "url", "must be an object {\"url\": …} or null",
                                       "must be a string");
  if (url == nullptr) return {};
  const std::string text(*url);
  if (auto problem = webhook_url_problem(text, allow_private))
    throw http::validation_failed("The webhook URL is not allowed.", {{"webhook.url", std::move(*problem)}});
  return {text};
}

std::optional<WebhookInput> take_webhook(boost::json::object& body, bool allow_private) {
  const auto it = body.find("webhook");
  if (it == body.end()) return std::nullopt;
  auto webhook = parse_webhook(it->value(), allow_private);
  body.erase(it);
  return webhook;
}

}  // namespace vka::api
