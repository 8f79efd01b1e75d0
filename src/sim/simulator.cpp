#include "sim/simulator.hpp"

#include "http/metrics.hpp"
#include "http/pipeline.hpp"
#include "http/router.hpp"
#include "http/server.hpp"
#include "sim/routes.hpp"
#include "sim/vk_service.hpp"

namespace vka::sim {

struct Simulator::Impl {
  explicit Impl(SimOptions options) : service(options) {
    add_routes(router, service, options.debug_routes, options.grow_route);
  }

  VkService service;
  http::Router router;
  http::Metrics metrics;
  http::Pipeline pipeline{router, metrics, {}};
  std::unique_ptr<http::Server> server;
  std::string host;
};

Simulator::Simulator(SimOptions options) : impl_(std::make_unique<Impl>(std::move(options))) {}

Simulator::~Simulator() { stop(); }

void Simulator::start(const std::string& host, std::uint16_t port) {
  if (impl_->server) throw std::logic_error("the simulator is already started");
  // Stalled requests sleep on a handler thread: keep enough of them for the others.
  impl_->server = std::make_unique<http::Server>(
      http::ServerOptions{.host = host, .port = port, .io_threads = 2, .handler_threads = 32}, impl_->pipeline);
  impl_->server->start();
  impl_->host = host;
}

std::uint16_t Simulator::port() const {
  if (!impl_->server) throw std::logic_error("the simulator is not started");
  return impl_->server->port();
}

std::string Simulator::base_url() const {
  const bool v6 = impl_->host.find(':') != std::string::npos;
  return "http://" + (v6 ? "[" + impl_->host + "]" : impl_->host) + ":" + std::to_string(port()) + "/method";
}

void Simulator::stop() {
  if (!impl_->server) return;
  impl_->server->shutdown(impl_->service.stall_limit() + std::chrono::seconds{1});
  impl_->server.reset();
}

VkService& Simulator::service() { return impl_->service; }

}  // namespace vka::sim
