// PATCH /api/v1/tasks/{id}: changes to a task that leave its collection alone. Here: its webhook.
#include "api/audit_trail.hpp"
#include "api/authenticated.hpp"
#include "api/idempotency.hpp"
#include "api/json_input.hpp"
#include "api/routes.hpp"
#include "api/task_access.hpp"
#include "api/task_webhook.hpp"
#include "http/envelope.hpp"

namespace vka::api {

namespace {

// The owner or an admin; the response shows the new webhook's secret, once.
http::Response patch_task(Services& services, http::Request& request, const auth::Principal& principal) {
  return run_idempotently(request, principal.id, services.store.idempotency(), [&] {
    auto task = visible_task(services, principal, request.path_param("id"));
    require_task_changer(principal, task);
    const auto body = read_json_object(request, {"webhook"});
    const auto* webhook = body.if_contains("webhook");
    if (webhook == nullptr)
      throw http::validation_failed("Nothing to change.", {{"webhook", "give the webhook to set, or null"}});
    const auto input = parse_webhook(*webhook, services.webhook_allow_private);
    std::optional<std::string> secret;
    services.store.write_together([&] {
      secret = apply_webhook(services, task, input);
      record_audit(services.store, request, principal, "task.changed", task.id);
    });
    return http::envelope(request, 200, task_json_with_secret(task, secret));
  });
}

}  // namespace

void add_task_patch_routes(http::Router& router, Services& services) {
  router.add("PATCH", "/api/v1/tasks/{id}", authenticated(services, patch_task));
}

}  // namespace vka::api
