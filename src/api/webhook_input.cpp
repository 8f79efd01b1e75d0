#include "api/webhook_input.hpp"

#include "api/webhook_url.hpp"
#include "http/api_error.hpp"

namespace vka::api {

WebhookInput parse_webhook(const boost::json::value& value, bool allow_private) {
  if (value.is_null()) return {};
  const auto* object = value.if_object();
  if (object == nullptr)
    throw http::validation_failed("The webhook is not valid.", {{"webhook", "must be an object {\"url\": …} or null"}});
  for (const auto& member : *object)
    if (member.key() != "url")
      throw http::validation_failed("The webhook is not valid.",
                                    {{"webhook." + std::string(member.key()), "unknown field"}});
  const auto* url = object->if_contains("url");
  if (url == nullptr || !url->is_string())
    throw http::validation_failed("The webhook is not valid.", {{"webhook.url", "must be a string"}});
  const std::string text(url->as_string());
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
