// GET /api/v1/tasks/{id}/webhook-deliveries: what became of the task's webhook calls, newest first. For the
// task's owner and admins, like the webhook itself: the receiver's answers are theirs to see.
#include <boost/json/array.hpp>

#include "api/authenticated.hpp"
#include "api/query.hpp"
#include "api/routes.hpp"
#include "api/task_access.hpp"
#include "http/envelope.hpp"

namespace vka::api {

namespace {

constexpr std::string_view deliveries_cursor_scope = "webhook-deliveries:-id";

boost::json::value optional_time(const std::optional<domain::Timestamp>& time) {
  return time ? boost::json::value(domain::format_rfc3339(*time)) : boost::json::value(nullptr);
}

boost::json::object delivery_to_json(const store::WebhookDelivery& delivery) {
  return {{"id", std::to_string(delivery.id)},
          {"event", delivery.event},
          {"attempts", delivery.attempts},
          {"status", store::to_string(delivery.status)},
          {"last_status_code",
           delivery.last_status_code ? boost::json::value(*delivery.last_status_code) : boost::json::value(nullptr)},
          {"last_error", delivery.last_error ? boost::json::value(*delivery.last_error) : boost::json::value(nullptr)},
          {"next_attempt_at", optional_time(delivery.next_attempt_at)},
          {"delivered_at", optional_time(delivery.delivered_at)},
          {"created_at", domain::format_rfc3339(delivery.created_at)}};
}

std::optional<std::int64_t> read_after(const QueryParams& query) {
  const auto cursor = query.cursor(deliveries_cursor_scope);
  if (!cursor) return std::nullopt;
  const auto* id = cursor->size() == 1 ? std::get_if<std::int64_t>(&(*cursor)[0]) : nullptr;
  if (id == nullptr) throw http::validation_failed("cursor is not one this listing gave out.");
  return *id;
}

http::Response list_deliveries(Services& services, http::Request& request, const auth::Principal& principal) {
  const auto task = visible_task(services, principal, request.path_param("id"));
  require_task_changer(principal, task);
  const QueryParams query{request};
  const int limit = query.limit();
  const auto page = services.store.webhooks().list(task.id, read_after(query), limit);
  boost::json::array items;
  for (const auto& delivery : page.items) items.push_back(delivery_to_json(delivery));
  boost::json::value next = nullptr;
  if (page.next) next = boost::json::value(domain::encode_cursor(deliveries_cursor_scope, {*page.next}));
  return http::envelope(request, 200, std::move(items), {{"limit", limit}, {"next_cursor", std::move(next)}});
}

}  // namespace

void add_webhook_delivery_routes(http::Router& router, Services& services) {
  router.add("GET", "/api/v1/tasks/{id}/webhook-deliveries",
             authenticated(services, list_deliveries).taking({"cursor", "limit"}));
}

}  // namespace vka::api
