#include "app/serve.hpp"

#include <spdlog/spdlog.h>

#include <csignal>
#include <cstdio>

#include "api/authenticator.hpp"
#include "api/request_gate.hpp"
#include "api/routes.hpp"
#include "app/analyzer_setup.hpp"
#include "app/collector_setup.hpp"
#include "app/demo.hpp"
#include "app/exit_codes.hpp"
#include "app/first_admin.hpp"
#include "app/keys_setup.hpp"
#include "app/open_database.hpp"
#include "app/refresh_scheduler.hpp"
#include "app/stop_signals.hpp"
#include "app/webhook_sender.hpp"
#include "http/server.hpp"

namespace vka::app {

namespace {

std::optional<auth::BootstrapAdminKey> bootstrap_admin(const Config& config) {
  if (!config.admin_api_key) return std::nullopt;
  auto key = auth::BootstrapAdminKey::from_environment_value(*config.admin_api_key);
  if (!key) throw UsageError(key.error());
  return std::move(key).value();
}

api::SessionSettings session_settings(const Config& config) {
  return {.idle = std::chrono::hours{config.session_idle_hours},
          .max_age = std::chrono::hours{24 * config.session_max_days},
          .secure_cookie = !config.tls_cert_file.empty()};  // Secure whenever this server speaks HTTPS
}

// Everything `serve` runs, built in dependency order; construction throws on any start-up problem.
struct Service {
  explicit Service(const Config& config)
      : store(open_database(config)),
        applied_migrations(store->migrate()),
        master_key(load_master_key(config.data_dir, *store)),
        first_admin_password(create_first_admin(*store, config.admin_api_key.has_value())),
        sessions(*store, master_key, session_settings(config)),
        authenticator(*store, api_key_hasher(master_key), sessions, bootstrap_admin(config),
                      config.viewers_see_all ? auth::ViewerScope::all_tasks : auth::ViewerScope::shared_only),
        gate(authenticator, {.requests_per_minute = config.rate_limit,
                             .expensive_per_credential = config.expensive_concurrency,
                             .failed_auth_per_address = config.failed_auth_limit}),
        vk_tokens(store->vk_tokens(), master_key),
        webhook_secrets(master_key),
        analyzer(make_analyzer(config.lexicon_files, config.stopword_files)),
        services{*store,
                 authenticator,
                 metrics,
                 analyzer,
                 shutting_down,
                 vk_tokens,
                 webhook_secrets,
                 config.webhook_allow_private,
                 api::AnalyticsCache{},
                 event_stream_limits(config),
                 api::PageCache{config.page_cache_bytes}},
        router(make_router(services)),
        pipeline(router, metrics, {config.cors_origins, &gate}),
        server(server_options(config), pipeline),
        workers(make_workers(config, *store, analyzer, vk_tokens, metrics)),
        scheduler(workers ? std::make_unique<RefreshScheduler>(*store, refresh_poll_interval) : nullptr),
        webhook_sender(*store, webhook_secrets, {.allow_private = config.webhook_allow_private}) {}

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
  std::optional<std::string> first_admin_password;
  http::Metrics metrics;
  std::atomic<bool> shutting_down{false};
  api::Sessions sessions;
  api::Authenticator authenticator;
  api::RequestGate gate;
  auth::VkTokenVault vk_tokens;
  auth::WebhookSecrets webhook_secrets;
  analysis::Analyzer analyzer;
  api::Services services;
  http::Router router;
  http::Pipeline pipeline;
  http::Server server;
  std::unique_ptr<jobs::WorkerPool> workers;    // null in an API-only process
  std::unique_ptr<RefreshScheduler> scheduler;  // runs beside the workers
  WebhookSender webhook_sender;
};

// A listen address that cannot be used (taken, not an address) is the configuration's problem.
void start_listening(http::Server& server) {
  try {
    server.start();
  } catch (const std::runtime_error& error) {
    throw UsageError(error.what());
  }
}

}  // namespace

int serve(const Config& given) {
  const StopSignals signals;
  return run_command("vk-analytics", [&] {
    Config config = given;
    std::unique_ptr<sim::Simulator> simulator;
    if (config.demo) simulator = start_demo_simulator(config);
    Service service{config};
    for (const auto& name : service.applied_migrations) spdlog::info("applied migration {}", name);
    if (simulator) create_demo_task(*service.store, *simulator);
    start_listening(service.server);
    if (service.workers) service.workers->start();
    if (service.scheduler) service.scheduler->start();
    service.webhook_sender.start();
    const auto host = Service::server_options(config).host;
    spdlog::info("listening on {}://{}:{} with {} collection workers", config.tls_cert_file.empty() ? "http" : "https",
                 host, service.server.port(), config.workers);
    if (service.first_admin_password) announce_first_admin(*service.first_admin_password, host, service.server.port());

    int signal = signals.wait();
    for (; signal == SIGHUP; signal = signals.wait()) {
      try {
        service.server.reload_tls();
        if (!config.tls_cert_file.empty()) spdlog::info("received SIGHUP, reloaded the TLS certificate and key");
      } catch (const std::runtime_error& error) {
        spdlog::error("received SIGHUP, kept the current TLS certificate: {}", error.what());
      }
    }
    spdlog::info("received {}, shutting down (deadline {} s)", signal_name(signal), config.shutdown_seconds);
    service.shutting_down = true;
    service.server.shutdown(std::chrono::seconds{config.shutdown_seconds});
    if (service.scheduler) service.scheduler->stop();
    if (service.workers) service.workers->stop();
    service.webhook_sender.stop();
    if (simulator) simulator->stop();
    service.store->close();
    spdlog::info("stopped");
    return exit_ok;
  });
}

}  // namespace vka::app
