#pragma once
// Registration of every route the server answers.
#include "api/services.hpp"
#include "http/router.hpp"

namespace vka::api {

void add_operations_routes(http::Router& router, Services& services);
void add_task_routes(http::Router& router, Services& services);
void add_webhook_delivery_routes(http::Router& router, Services& services);
void add_openapi_route(http::Router& router);
void add_analyze_routes(http::Router& router, Services& services);
void add_results_routes(http::Router& router, Services& services);
void add_export_routes(http::Router& router, Services& services);
void add_analytics_routes(http::Router& router, Services& services);
void add_event_routes(http::Router& router, Services& services);
void add_vk_token_routes(http::Router& router, Services& services);
void add_auth_routes(http::Router& router, Services& services);
void add_user_routes(http::Router& router, Services& services);
void add_api_key_routes(http::Router& router, Services& services);
void add_share_routes(http::Router& router, Services& services);
void add_audit_routes(http::Router& router, Services& services);
std::string_view openapi_document();
// The dashboard's files at every GET path no API route takes.
void add_dashboard_route(http::Router& router);

// All of the above, in the order they are matched.
void add_all_routes(http::Router& router, Services& services);

}  // namespace vka::api
