#pragma once
#include "http/router.hpp"
#include "sim/vk_service.hpp"

namespace vka::sim {

// GET|POST /method/{name}; with `debug_routes` also GET /_sim/stats, POST /_sim/stats/reset, GET /_sim/truth
// and POST /_sim/grow; with `grow_route` POST /_sim/grow. `service` must outlive the router.
void add_routes(http::Router& router, VkService& service, bool debug_routes, bool grow_route);

}  // namespace vka::sim
