#include "app/cli.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>
#include <CLI/CLI.hpp>

#include <cstdio>
#include <optional>
#include <string>
#include <vector>

#include "app/analyze_command.hpp"
#include "app/api_keys_command.hpp"
#include "app/collect_command.hpp"
#include "app/config.hpp"
#include "app/exit_codes.hpp"
#include "app/logging.hpp"
#include "app/open_database.hpp"
#include "app/serve.hpp"
#include "app/users_command.hpp"
#include "app/vk_options.hpp"
#include "app/vk_sim_command.hpp"
#include "app/worker_command.hpp"
#include "store/store.hpp"

namespace vka::app {

namespace {

// Options every subcommand that touches the database or the data directory shares. Its own subcommands
// (`api-keys list`) pass them up, so they may come after the subcommand's name too.
void add_storage_options(CLI::App& command, Config& config) {
  command.fallthrough();
  command.add_option("--database-url", config.database_url, "sqlite://PATH or postgresql://…")
      ->envname("VKA_DATABASE_URL")
      ->capture_default_str();
  command.add_option("--data-dir", config.data_dir, "keys and other local state (created 0700)")
      ->envname("VKA_DATA_DIR")
      ->capture_default_str();
  command.add_option("--log-level", config.log_level, "trace, debug, info, warn, error or off")
      ->envname("VKA_LOG_LEVEL")
      ->capture_default_str();
}

void add_analysis_options(CLI::App& command, Config& config) {
  command
      .add_option("--lexicon", config.lexicon_files, "sentiment lexicon file merged over the built-in one (repeatable)")
      ->envname("VKA_LEXICON_FILES")
      ->delimiter(',')
      ->check(CLI::ExistingFile);
  command.add_option("--stopwords", config.stopword_files, "stop list file: words kept out of keywords (repeatable)")
      ->envname("VKA_STOPWORD_FILES")
      ->delimiter(',')
      ->check(CLI::ExistingFile);
}

// What one client may cost the server (docs/operations.md).
void add_limit_options(CLI::App& command, Config& config) {
  command.add_option("--max-connections", config.max_connections, "open connections at most (0 = from ulimit -n)")
      ->envname("VKA_MAX_CONNECTIONS")
      ->capture_default_str();
  command
      .add_option("--header-timeout-seconds", config.header_timeout_seconds,
                  "how long a new connection may take to send its request header")
      ->envname("VKA_HEADER_TIMEOUT_SECONDS")
      ->capture_default_str();
  command
      .add_option("--min-body-bytes-per-second", config.min_body_bytes_per_second,
                  "slowest average body upload accepted once the read timeout has passed")
      ->envname("VKA_MIN_BODY_BYTES_PER_SECOND")
      ->capture_default_str();
  command.add_option("--rate-limit", config.rate_limit, "requests per minute per credential and per address (0 = off)")
      ->envname("VKA_RATE_LIMIT")
      ->capture_default_str();
  command
      .add_option("--expensive-concurrency", config.expensive_concurrency,
                  "concurrent analyze, export and analytics requests per credential")
      ->envname("VKA_EXPENSIVE_CONCURRENCY")
      ->capture_default_str();
  command.add_option("--expensive-threads", config.expensive_threads, "threads for analyze, export and analytics")
      ->envname("VKA_EXPENSIVE_THREADS")
      ->capture_default_str();
  command
      .add_option("--failed-auth-limit", config.failed_auth_limit,
                  "requests with an invalid credential per address within 5 minutes before 429")
      ->envname("VKA_FAILED_AUTH_LIMIT")
      ->capture_default_str();
  command
      .add_option("--event-streams-per-credential", config.event_streams_per_credential,
                  "open task event streams per credential")
      ->envname("VKA_EVENT_STREAMS_PER_CREDENTIAL")
      ->capture_default_str();
  command.add_option("--event-streams-total", config.event_streams_total, "open task event streams in all")
      ->envname("VKA_EVENT_STREAMS_TOTAL")
      ->capture_default_str();
  command
      .add_option("--page-cache-bytes", config.page_cache_bytes,
                  "memory for encoded listing pages of finished tasks (0 = none kept)")
      ->envname("VKA_PAGE_CACHE_BYTES")
      ->capture_default_str();
}

// Whoever sets webhooks and whoever sends them must agree on which addresses are allowed.
void add_webhook_options(CLI::App& command, Config& config) {
  command
      .add_option("--webhook-allow-private", config.webhook_allow_private,
                  "task webhooks may call private, loopback and link-local addresses (true), or public ones only")
      ->envname("VKA_WEBHOOK_ALLOW_PRIVATE")
      ->capture_default_str();
}

void add_serve_options(CLI::App& command, Config& config) {
  add_storage_options(command, config);
  add_analysis_options(command, config);
  command.add_option("--listen", config.listen, "HOST:PORT of the HTTP server")
      ->envname("VKA_LISTEN")
      ->capture_default_str();
  command.add_option("--tls-cert", config.tls_cert_file, "PEM certificate chain: serve HTTPS (reread on SIGHUP)")
      ->envname("VKA_TLS_CERT_FILE");
  command.add_option("--tls-key", config.tls_key_file, "PEM private key of --tls-cert")->envname("VKA_TLS_KEY_FILE");
  add_vk_options(command, config);
  command
      .add_option("--admin-api-key", config.admin_api_key, "bootstrap admin API key (prefer the environment variable)")
      ->envname("VKA_ADMIN_API_KEY");
  command.add_option("--cors-origin", config.cors_origins, "browser origin allowed to call the API (repeatable)")
      ->envname("VKA_CORS_ORIGINS")
      ->delimiter(',');
  command.add_flag("--demo", config.demo,
                   "also run the built-in VK simulator, collect from it, and create a sample task");
  command.add_option("--workers", config.workers, "collection workers in this process (0 = API only)")
      ->envname("VKA_WORKERS")
      ->capture_default_str();
  command
      .add_option("--shutdown-seconds", config.shutdown_seconds, "how long in-flight requests may finish on SIGTERM")
      ->envname("VKA_SHUTDOWN_SECONDS")
      ->capture_default_str();
  command
      .add_option("--read-timeout-seconds", config.read_timeout_seconds,
                  "how long a client may take to send one request or read a response")
      ->envname("VKA_READ_TIMEOUT_SECONDS")
      ->capture_default_str();
  command
      .add_option("--idle-timeout-seconds", config.idle_timeout_seconds,
                  "how long an idle keep-alive connection stays open")
      ->envname("VKA_IDLE_TIMEOUT_SECONDS")
      ->capture_default_str();
  command.add_option("--max-body-bytes", config.max_body_bytes, "largest request body accepted")
      ->envname("VKA_MAX_BODY_BYTES")
      ->capture_default_str();
  command.add_option("--session-idle-hours", config.session_idle_hours, "a browser session unused this long ends")
      ->envname("VKA_SESSION_IDLE_HOURS")
      ->capture_default_str();
  command.add_option("--session-max-days", config.session_max_days, "a browser session ends this long after sign-in")
      ->envname("VKA_SESSION_MAX_DAYS")
      ->capture_default_str();
  command
      .add_option("--viewers-see-all", config.viewers_see_all,
                  "viewers read every task (true) or only those shared with them (false)")
      ->envname("VKA_VIEWERS_SEE_ALL")
      ->capture_default_str();
  add_webhook_options(command, config);
  add_limit_options(command, config);
}

// Problems are printed one per line; the exit code says "configuration".
bool report_problems(const std::vector<std::string>& problems) {
  for (const auto& problem : problems) std::fprintf(stderr, "vk-analytics: %s\n", problem.c_str());
  return problems.empty();
}

int migrate(const Config& config) {
  return run_command("vk-analytics", [&] {
    auto store = open_database(config);
    const auto applied = store->migrate();
    if (applied.empty()) std::puts("database is up to date");
    for (const auto& name : applied) std::printf("applied %s\n", name.c_str());
    return exit_ok;
  });
}

// Recomputes the analytics read models of one task, or of every task, from the stored comments.
int rebuild_analytics(const Config& config, const std::optional<std::string>& task_id) {
  return run_command("vk-analytics", [&] {
    auto store = open_database(config, IfMissing::refuse);
    store->migrate();
    std::vector<std::string> task_ids;
    if (task_id) {
      if (!store->tasks().get(*task_id)) throw UsageError("--task: no task " + *task_id);
      task_ids.push_back(*task_id);
    }
    for (std::optional<store::TaskCursor> after; !task_id;) {
      const auto page = store->tasks().list({.after = after, .limit = 1000});
      for (const auto& task : page.items) task_ids.push_back(task.id);
      if (!page.next) break;
      after = page.next;
    }
    for (const auto& id : task_ids) {
      store->results().rebuild_analytics(id);
      std::printf("rebuilt %s\n", id.c_str());
    }
    return exit_ok;
  });
}

}  // namespace

int run_cli(int argc, char** argv) {
  CLI::App cli{"vk-analytics: collects and analyses discussions in VK communities"};
  cli.set_version_flag("--version", std::string{"vk-analytics "} + VKA_VERSION);
  cli.require_subcommand(1);
  cli.footer(
      "Exit codes: 0 done; 1 failed at run time (database unreachable, VK failing, output not written); "
      "2 bad usage or configuration (flags, environment variables, a listen port in use); "
      "128+N stopped by signal N (collect: run it again to resume).");

  Config config;
  auto* serve_command = cli.add_subcommand("serve", "run the HTTP API, dashboard and collection workers");
  add_serve_options(*serve_command, config);

  auto* migrate_command = cli.add_subcommand("migrate", "apply database migrations");
  add_storage_options(*migrate_command, config);

  std::optional<std::string> rebuild_task;
  auto* rebuild_command = cli.add_subcommand(
      "rebuild-analytics", "recompute the analytics read models from the stored comments (all tasks, or --task)");
  add_storage_options(*rebuild_command, config);
  rebuild_command->add_option("--task", rebuild_task, "only this task");

  ApiKeysCommand api_keys;
  auto* keys_command = cli.add_subcommand("api-keys", "create, list and revoke API keys");
  add_storage_options(*keys_command, config);
  api_keys.add_to(*keys_command);

  UsersCommand users;
  auto* users_command = cli.add_subcommand("users", "create, list and change user accounts");
  add_storage_options(*users_command, config);
  users.add_to(*users_command);

  auto* analyze_command =
      cli.add_subcommand("analyze", "analyse texts: one per line on stdin, one JSON verdict per line on stdout");
  add_analysis_options(*analyze_command, config);

  auto* worker_command =
      cli.add_subcommand("worker", "run collection workers only (no HTTP), beside `serve --workers 0`");
  add_storage_options(*worker_command, config);
  add_analysis_options(*worker_command, config);
  add_vk_options(*worker_command, config);
  add_webhook_options(*worker_command, config);
  worker_command->add_option("--workers", config.workers, "collection worker threads (at least 1)")
      ->envname("VKA_WORKERS")
      ->capture_default_str();

  CollectCommand collect;
  collect.add_to(cli);

  VkSimCommand vk_sim;
  vk_sim.add_to(cli);

  // Subcommands bind options to the same Config fields (--database-url…), and CLI11 reads the environment
  // variables of every subcommand without a parse-complete callback, run or not: one that did not run would
  // overwrite a flag given to the one that did with VKA_DATABASE_URL. With one, each reads them only when it runs.
  for (auto* command : cli.get_subcommands([](CLI::App*) { return true; })) command->parse_complete_callback([] {});

  try {
    cli.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    const int code = cli.exit(error);
    return code == 0 ? exit_ok : exit_usage;
  }

  try {
    setup_logging(config.log_level);
  } catch (const std::invalid_argument& error) {
    std::fprintf(stderr, "vk-analytics: VKA_LOG_LEVEL: %s\n", error.what());
    return exit_usage;
  }
  if (analyze_command->parsed()) return analyze_lines(config.lexicon_files, config.stopword_files);
  if (vk_sim.parsed()) return vk_sim.run();
  if (collect.parsed()) return collect.run();
  if (worker_command->parsed()) {
    if (!report_problems(validate_worker(config))) return exit_usage;
    return run_workers(config);
  }
  if (serve_command->parsed()) {
    if (!report_problems(validate(config))) return exit_usage;
    return serve(config);
  }
  if (!report_problems(validate_storage(config))) return exit_usage;
  if (migrate_command->parsed()) return migrate(config);
  if (rebuild_command->parsed()) return rebuild_analytics(config, rebuild_task);
  if (users_command->parsed()) return users.run(config);
  return api_keys.run(config);
}

}  // namespace vka::app
