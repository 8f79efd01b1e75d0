#pragma once
#include "http/router.hpp"
#include "sim/vk_service.hpp"

namespace vka::sim {

// GET|POST /method/{name}; with `debug_routes` also GET /_sim/stats, POST /_sim/stats/reset and
// GET /_sim/truth. `service` must outlive the router.
void add_routes(http::Router& router, VkService& service, bool debug_routes);

}  // namespace vka::sim
