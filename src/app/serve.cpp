#include "app/serve.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <cstdio>

#include "api/authenticator.hpp"
#include "api/request_gate.hpp"
#include "api/routes.hpp"
#include "app/analyzer_setup.hpp"
#include "app/collector_setup.hpp"
#include "app/demo.hpp"
#include "app/exit_codes.hpp"
#include "app/keys_setup.hpp"
#include "app/open_database.hpp"
#include "app/stop_signals.hpp"
#include "http/server.hpp"
#include "store/error.hpp"

namespace vka::app {

namespace {

std::optional<auth::BootstrapAdminKey> bootstrap_admin(const Config& config) {
  if (!config.admin_api_key) return std::nullopt;
  auto key = auth::BootstrapAdminKey::from_environment_value(*config.admin_api_key);
  if (!key) throw std::runtime_error(key.problem());
  return std::move(key).value();
}

// First start with no credential at all: make an admin key and show it once, on the terminal
// (stdout), never in the log.
void create_first_admin_key(store::Store& store, const auth::ApiKeyHasher& hasher, const Config& config) {
  if (config.admin_api_key || !store.api_keys().list().empty()) return;
  const auto key = create_api_key(store, hasher, auth::Role::admin, "first admin");
  std::fputs(fmt::format("\nNo API key existed, so an admin key was created. It is shown only this once:\n\n  {}\n\n"
                         "Use it as 'Authorization: Bearer <key>'.\n\n",
                         key)
                 .c_str(),
             stdout);
  std::fflush(stdout);
}

// Everything `serve` runs, built in dependency order; construction throws on any start-up problem.
struct Service {
  explicit Service(const Config& config)
      : store(open_database(config.database_url)),
        applied_migrations(store->migrate()),
        master_key(load_master_key(config.data_dir)),
        authenticator(make_authenticator(config)),
        gate(authenticator, {.requests_per_minute = config.rate_limit,
                             .expensive_per_credential = config.expensive_concurrency,
                             .failed_auth_per_address = config.failed_auth_limit}),
        vk_tokens(store->vk_tokens(), master_key),
        analyzer(make_analyzer(config.lexicon_files)),
        services{*store, authenticator, metrics, analyzer, shutting_down, vk_tokens, api::AnalyticsCache{},
                 event_stream_limits(config)},
        router(make_router(services)),
        pipeline(router, metrics, {config.cors_origins, &gate}),
        server(server_options(config), pipeline),
        workers(make_workers(config, *store, analyzer, vk_tokens, metrics)) {}

  api::Authenticator make_authenticator(const Config& config) {
    auto hasher = api_key_hasher(master_key);
    create_first_admin_key(*store, hasher, config);
    return {store->api_keys(), std::move(hasher), bootstrap_admin(config), auth::ViewerScope::all_tasks};
  }

  static api::EventStreamLimits event_stream_limits(const Config& config) {
    return {.per_credential = config.event_streams_per_credential, .total = config.event_streams_total};
  }

  static http::Router make_router(api::Services& services) {
    http::Router router;
    api::add_all_routes(router, services);
    return router;
  }

  static http::ServerOptions server_options(const Config& config) {
    const auto listen = *parse_listen(config.listen);
    return {.host = listen.host,
            .port = listen.port,
            .expensive_threads = config.expensive_threads,
            .max_connections = config.max_connections,
            .max_body_bytes = config.max_body_bytes,
            .header_timeout = std::chrono::seconds{config.header_timeout_seconds},
            .read_timeout = std::chrono::seconds{config.read_timeout_seconds},
            .idle_timeout = std::chrono::seconds{config.idle_timeout_seconds},
            .min_body_bytes_per_second = config.min_body_bytes_per_second,
            .tls_cert_file = config.tls_cert_file,
            .tls_key_file = config.tls_key_file};
  }

  std::unique_ptr<store::Store> store;
  std::vector<std::string> applied_migrations;
  auth::SecretKey master_key;
  http::Metrics metrics;
  std::atomic<bool> shutting_down{false};
  api::Authenticator authenticator;
  api::RequestGate gate;
  api::VkTokenVault vk_tokens;
  analysis::Analyzer analyzer;
  api::Services services;
  http::Router router;
  http::Pipeline pipeline;
  http::Server server;
  std::unique_ptr<jobs::WorkerPool> workers;  // null in an API-only process
};

}  // namespace

int serve(const Config& given) {
  const StopSignals signals;
  Config config = given;
  std::unique_ptr<sim::Simulator> simulator;
  std::unique_ptr<Service> service;
  try {
    if (config.demo) simulator = start_demo_simulator(config);
    service = std::make_unique<Service>(config);
    for (const auto& name : service->applied_migrations) spdlog::info("applied migration {}", name);
    if (simulator) create_demo_task(*service->store, *simulator);
    service->server.start();
  } catch (const store::StoreError& error) {
    std::fprintf(stderr, "vk-analytics: database: %s\n", error.what());
    return exit_usage;
  } catch (const std::runtime_error& error) {
    std::fprintf(stderr, "vk-analytics: %s\n", error.what());
    return exit_usage;
  }
  if (service->workers) service->workers->start();
  spdlog::info("listening on {}://{}:{} with {} collection workers", config.tls_cert_file.empty() ? "http" : "https",
               Service::server_options(config).host, service->server.port(), config.workers);

  int signal = signals.wait();
  for (; signal == SIGHUP; signal = signals.wait()) {
    try {
      service->server.reload_tls();
      if (!config.tls_cert_file.empty()) spdlog::info("received SIGHUP, reloaded the TLS certificate and key");
    } catch (const std::runtime_error& error) {
      spdlog::error("received SIGHUP, kept the current TLS certificate: {}", error.what());
    }
  }
  spdlog::info("received {}, shutting down (deadline {} s)", signal_name(signal), config.shutdown_seconds);
  service->shutting_down = true;
  service->server.shutdown(std::chrono::seconds{config.shutdown_seconds});
  if (service->workers) service->workers->stop();
  if (simulator) simulator->stop();
  service->store->close();
  spdlog::info("stopped");
  return exit_ok;
}

}  // namespace vka::app
