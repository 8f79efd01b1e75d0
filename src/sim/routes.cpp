#include "sim/routes.hpp"

#include <boost/json/serialize.hpp>

namespace vka::sim {

namespace {

http::Response json_body(std::string body) {
  http::Response response;
  response.headers.set("Content-Type", "application/json; charset=utf-8");
  response.headers.set("Cache-Control", "no-store");
  response.body = std::move(body);
  return response;
}

}  // namespace

void add_routes(http::Router& router, VkService& service, bool debug_routes) {
  const auto method = [&service](http::Request& request) { return service.handle_method(request); };
  router.add("GET", "/method/{name}", http::Endpoint{method}.taking_any());
  router.add("POST", "/method/{name}", http::Endpoint{method}.taking_any());
  if (!debug_routes) return;
  router.add("GET", "/_sim/stats",
             [&service](http::Request&) { return json_body(boost::json::serialize(service.stats())); });
  router.add("POST", "/_sim/stats/reset", [&service](http::Request&) {
    service.reset_stats();
    return json_body(R"({"reset":true})");
  });
  router.add("GET", "/_sim/truth", [&service](http::Request&) { return json_body(service.truth_body()); });
}

}  // namespace vka::sim
