#include "app/worker_command.hpp"

#include <spdlog/spdlog.h>

#include "app/analyzer_setup.hpp"
#include "app/collector_setup.hpp"
#include "app/exit_codes.hpp"
#include "app/keys_setup.hpp"
#include "app/open_database.hpp"
#include "app/refresh_scheduler.hpp"
#include "app/stop_signals.hpp"
#include "app/webhook_sender.hpp"

namespace vka::app {

int run_workers(const Config& config) {
  const StopSignals signals;
  return run_command("vk-analytics", [&] {
    const auto store = open_database(config);
    for (const auto& name : store->migrate()) spdlog::info("applied migration {}", name);
    const auto analyzer = make_analyzer(config.lexicon_files, config.stopword_files);
    // Tasks may name stored tokens: every worker host needs the data directory's secret.key of the API.
    const auto master_key = load_master_key(config.data_dir, *store);
    const auth::VkTokenVault vault(store->vk_tokens(), master_key);
    const auto workers = make_collection_workers(config, config.workers, *store, analyzer, &vault, nullptr);
    // Webhook secrets are sealed with the same secret.key, so this process can send webhooks too.
    const auth::WebhookSecrets webhook_secrets(master_key);
    WebhookSender webhook_sender(*store, webhook_secrets, {.allow_private = config.webhook_allow_private});
    workers->start();
    RefreshScheduler scheduler(*store, refresh_poll_interval);
    scheduler.start();
    webhook_sender.start();
    spdlog::info("{} collection workers running", config.workers);
    const int signal = signals.wait();
    spdlog::info("received {}, stopping the workers", signal_name(signal));
    scheduler.stop();
    workers->stop();
    webhook_sender.stop();
    store->close();
    return exit_ok;
  });
}

}  // namespace vka::app
