#include "app/webhook_sender.hpp"

#include <spdlog/spdlog.h>

#include "api/webhook_event_body.hpp"
#include "auth/webhook_signature.hpp"
#include "domain/ip_address.hpp"
#include "domain/webhook_retry.hpp"

namespace vka::app {

namespace {

// An attempt ends well within this (connect and answer timeouts below, a stale keep-alive retried once);
// past it, another sender may take the delivery over.
constexpr std::chrono::seconds attempt_deadline{60};

vk::HttpClientOptions client_options(bool allow_private) {
  vk::HttpClientOptions options;
  options.connect_timeout = std::chrono::seconds{10};
  options.read_timeout = std::chrono::seconds{15};
  options.max_body_bytes = 1024 * 1024;
  options.user_agent = "vk-analytics-webhooks";
  if (!allow_private) options.address_allowed = domain::is_public_address;
  return options;
}

// The attempt as failed: tried again later, or for good after the last attempt.
void failed(store::DeliveryAttempt& attempt, std::string error) {
  attempt.error = std::move(error);
  if (const auto delay = domain::webhook_retry_delay(attempt.attempt)) attempt.retry_at = attempt.at + *delay;
}

}  // namespace

WebhookSender::WebhookSender(store::Store& store, const auth::WebhookSecrets& secrets, WebhookSenderOptions options)
    : store_(store),
      secrets_(secrets),
      client_(client_options(options.allow_private)),
      thread_("webhook sender", options.poll_interval, [this] { return send_next(); }) {}

bool WebhookSender::send_next() {
  auto leased = store_.webhooks().lease(domain::now(), attempt_deadline);
  if (!leased) return false;
  const store::WebhookDelivery& delivery = leased->delivery;
  store::DeliveryAttempt attempt{.id = delivery.id, .attempt = delivery.attempts, .body = leased->body};
  const auto secret = leased->webhook ? secrets_.open(leased->webhook->sealed_secret) : std::nullopt;
  if (!attempt.body) {
    const auto task = store_.tasks().get(delivery.task_id);
    if (!task) return true;  // removed meanwhile, and its deliveries with it
    attempt.body = api::webhook_event_body(delivery.event, *task, delivery.at);
  }
  if (!leased->webhook) {
    attempt.at = domain::now();
    attempt.error = "the task no longer has a webhook";
  } else if (!secret) {
    attempt.at = domain::now();
    attempt.error = "the webhook's secret cannot be opened with this server's secret.key; set the webhook again";
  } else {
    const auto id = std::to_string(delivery.id);
    const auto response =
        client_.send({.url = leased->webhook->url,
                      .content_type = "application/json",
                      .headers = {{"X-VKA-Event", delivery.event},
                                  {"X-VKA-Delivery", id},
                                  {"X-VKA-Signature", auth::webhook_signature(*secret, *attempt.body)}},
                      .body = *attempt.body});
    attempt.at = domain::now();
    if (response) attempt.status_code = response->status;
    if (!response)
      failed(attempt, response.error().message);
    else if (response->status < 200 || response->status > 299)
      failed(attempt, "the receiver answered HTTP " + std::to_string(response->status));
  }
  if (!store_.webhooks().record(attempt)) return true;  // taken over by another sender meanwhile
  if (attempt.error)
    spdlog::warn("webhook delivery {} of task {} ({}), attempt {}: {}{}", delivery.id, delivery.task_id, delivery.event,
                 attempt.attempt, *attempt.error, attempt.retry_at ? "; will retry" : "; gave up");
  else
    spdlog::info("webhook delivery {} of task {} ({}) delivered", delivery.id, delivery.task_id, delivery.event);
  return true;
}

}  // namespace vka::app
