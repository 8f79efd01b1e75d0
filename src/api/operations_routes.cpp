#include <boost/json/object.hpp>

#include "api/routes.hpp"
#include "domain/task.hpp"
#include "http/envelope.hpp"

namespace vka::api {

namespace {

http::Response healthz(http::Request& request) {
  return http::envelope(request, 200, boost::json::object{{"status", "ok"}});
}

http::Response readyz(Services& services, http::Request& request) {
  const bool shutting_down = services.shutting_down.load();
  const bool database = !shutting_down && services.store.ping();
  const bool migrations = database && services.store.migrations_current();
  const bool ready = !shutting_down && database && migrations;
  boost::json::object checks{{"database", database ? "ok" : "failing"},
                             {"migrations", migrations ? "ok" : "pending"},
                             {"accepting_requests", !shutting_down}};
  auto response = http::envelope(request, ready ? 200 : 503,
                                 boost::json::object{{"status", ready ? "ready" : "not_ready"}, {"checks", checks}});
  response.headers.set("Cache-Control", "no-store");
  return response;
}

http::Response metrics(Services& services) {
  const auto jobs = services.store.jobs().counts();
  for (const auto& [state, count] : {std::pair{"queued", jobs.queued}, std::pair{"leased", jobs.leased},
                                     std::pair{"done", jobs.done}, std::pair{"failed", jobs.failed}})
    services.metrics.set("vka_jobs", {{"state", state}}, static_cast<double>(count));
  const auto tasks = services.store.tasks().counts();
  for (const auto status : domain::all_task_statuses) {
    const auto count = tasks.by_status.find(status);
    services.metrics.set("vka_tasks", {{"status", std::string(domain::to_string(status))}},
                         count == tasks.by_status.end() ? 0.0 : static_cast<double>(count->second));
  }
  services.metrics.set("vka_tasks_waiting", {}, static_cast<double>(tasks.waiting));
  http::Response response;
  response.headers.set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
  response.headers.set("Cache-Control", "no-store");
  response.body = services.metrics.render();
  return response;
}

}  // namespace

// Probes: never rate-limited, so that a flood from one address does not fail its health checks.
void add_operations_routes(http::Router& router, Services& services) {
  router.add("GET", "/healthz", http::Endpoint{healthz, http::Access::probe});
  router.add(
      "GET", "/readyz",
      http::Endpoint{[&services](http::Request& request) { return readyz(services, request); }, http::Access::probe});
  services.metrics.describe_gauge("vka_jobs", "Collection jobs in the durable queue by state.");
  services.metrics.describe_gauge("vka_tasks", "Tasks by status.");
  services.metrics.describe_gauge("vka_tasks_waiting",
                                  "Running tasks waiting for VK or the network to be reachable again.");
  router.add("GET", "/metrics",
             http::Endpoint{[&services](http::Request&) { return metrics(services); }, http::Access::probe});
}

void add_all_routes(http::Router& router, Services& services) {
  add_operations_routes(router, services);
  add_openapi_route(router);
  add_task_routes(router, services);
  add_webhook_delivery_routes(router, services);
  add_results_routes(router, services);
  add_export_routes(router, services);
  add_analytics_routes(router, services);
  add_event_routes(router, services);
  add_analyze_routes(router, services);
  add_vk_token_routes(router, services);
  add_auth_routes(router, services);
  add_user_routes(router, services);
  add_api_key_routes(router, services);
  add_share_routes(router, services);
  add_audit_routes(router, services);
  add_dashboard_route(router);
}

}  // namespace vka::api
