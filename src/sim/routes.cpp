#include "sim/routes.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <stdexcept>

namespace vka::sim {

namespace {

http::Response json_body(std::string body) {
  http::Response response;
  response.headers.set("Content-Type", "application/json; charset=utf-8");
  response.headers.set("Cache-Control", "no-store");
  response.body = std::move(body);
  return response;
}

void add_grow_route(http::Router& router, VkService& service) {
  router.add("POST", "/_sim/grow", [&service](http::Request& request) {
    boost::system::error_code ec;
    const auto spec = boost::json::parse(request.body, ec);
    try {
      if (ec) throw std::invalid_argument("the body is not JSON: " + ec.message());
      return json_body(boost::json::serialize(service.grow(spec)));
    } catch (const std::invalid_argument& error) {
      auto response = json_body(boost::json::serialize(boost::json::object{{"error", error.what()}}));
      response.status = 400;
      return response;
    }
  });
}

}  // namespace

void add_routes(http::Router& router, VkService& service, bool debug_routes, bool grow_route) {
  const auto method = [&service](http::Request& request) { return service.handle_method(request); };
  router.add("GET", "/method/{name}", method);
  router.add("POST", "/method/{name}", method);
  if (debug_routes || grow_route) add_grow_route(router, service);
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
