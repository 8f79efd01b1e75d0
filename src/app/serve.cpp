#include "app/serve.hpp"

#include <spdlog/spdlog.h>

#include <cstdio>

#include "api/authenticator.hpp"
#include "api/routes.hpp"
#include "app/analyzer_setup.hpp"
#include "app/collector_setup.hpp"
#include "app/demo.hpp"
#include "app/exit_codes.hpp"
#include "app/first_admin.hpp"
#include "app/keys_setup.hpp"
#include "app/stop_signals.hpp"
#include "http/server.hpp"
#include "store/error.hpp"

namespace vka::app {

namespace {

std::optional<auth::BootstrapAdminKey> bootstrap_admin(const Config& config) {
  if (!config.admin_api_key) return std::nullopt;
  auto key = auth::BootstrapAdminKey::from_environment_value(*config.admin_api_key);
  if (!key) throw std::runtime_error(key.problem());
  if (key->weak())
    spdlog::warn("VKA_ADMIN_API_KEY is shorter than {} characters; a generated key is safer",
                 auth::BootstrapAdminKey::recommended_min_length);
  return std::move(key).value();
}

api::SessionSettings session_settings(const Config& config) {
  return {.idle = std::chrono::hours{config.session_idle_hours},
          .max_age = std::chrono::hours{24 * config.session_max_days},
          .secure_cookie = false};  // this server speaks plain HTTP; a TLS listener sets it
}

// Everything `serve` runs, built in dependency order; construction throws on any start-up problem.
struct Service {
  explicit Service(const Config& config)
      : store(store::open_store(config.database_url)),
        applied_migrations(store->migrate()),
        master_key(load_master_key(config.data_dir)),
        first_admin_password(create_first_admin(*store, config.admin_api_key.has_value())),
        sessions(*store, master_key, session_settings(config)),
        authenticator(*store, api_key_hasher(master_key), sessions, bootstrap_admin(config),
                      config.viewers_see_all ? auth::ViewerScope::all_tasks : auth::ViewerScope::shared_only),
        vk_tokens(store->vk_tokens(), master_key),
        analyzer(make_analyzer(config.lexicon_files)),
        services{*store, authenticator, metrics, analyzer, shutting_down, vk_tokens},
        router(make_router(services)),
        pipeline(router, metrics, {config.cors_origins}),
        server(server_options(config), pipeline),
        workers(make_workers(config, *store, analyzer, vk_tokens, metrics)) {}

  static http::Router make_router(api::Services& services) {
    http::Router router;
    api::add_all_routes(router, services);
    return router;
  }

  static http::ServerOptions server_options(const Config& config) {
    const auto listen = *parse_listen(config.listen);
    return {.host = listen.host,
            .port = listen.port,
            .max_body_bytes = config.max_body_bytes,
            .read_timeout = std::chrono::seconds{config.read_timeout_seconds},
            .idle_timeout = std::chrono::seconds{config.idle_timeout_seconds}};
  }

  std::unique_ptr<store::Store> store;
  std::vector<std::string> applied_migrations;
  auth::SecretKey master_key;
  std::optional<std::string> first_admin_password;
  http::Metrics metrics;
  std::atomic<bool> shutting_down{false};
  api::Sessions sessions;
  api::Authenticator authenticator;
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
  const auto host = Service::server_options(config).host;
  spdlog::info("listening on http://{}:{} with {} collection workers", host, service->server.port(), config.workers);
  if (service->first_admin_password) announce_first_admin(*service->first_admin_password, host, service->server.port());

  const int signal = signals.wait();
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
