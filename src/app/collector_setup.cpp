#include "app/collector_setup.hpp"

#include <cmath>

#include "collect/collect_handler.hpp"

namespace vka::app {

namespace {

class MetricsObserver final : public collect::VkObserver {
 public:
  explicit MetricsObserver(http::Metrics& metrics) : metrics_(metrics) {
    metrics_.describe_counter("vka_vk_requests_total", "HTTP requests to the VK API by method and outcome.");
    metrics_.describe_counter("vka_vk_pacer_waits_total", "Requests that waited for their token's rate limiter.");
    metrics_.describe_counter("vka_vk_pacer_wait_seconds_total", "Time requests spent waiting for the rate limiter.");
  }
  void on_vk_request(std::string_view method, std::string_view outcome) override {
    metrics_.increment("vka_vk_requests_total", {{"method", std::string{method}}, {"outcome", std::string{outcome}}});
  }
  void on_pacer_wait(vk::Clock::duration waited) override {
    if (waited <= vk::Clock::duration::zero()) return;
    metrics_.increment("vka_vk_pacer_waits_total", {});
    metrics_.increment("vka_vk_pacer_wait_seconds_total", {}, std::chrono::duration<double>(waited).count());
  }

 private:
  http::Metrics& metrics_;
};

}  // namespace

std::unique_ptr<jobs::WorkerPool> make_collection_workers(const Config& config, int workers, store::Store& store,
                                                          const analysis::Analyzer& analyzer,
                                                          const auth::VkTokenVault* vault,
                                                          std::shared_ptr<collect::VkObserver> observer,
                                                          std::function<void(const domain::TaskProgress&)> on_stored) {
  const jobs::WorkerPoolOptions pool_options{.workers = workers};
  collect::CollectorOptions options;
  options.vk_api_url = config.vk_api_url;
  options.vk_api_version = config.vk_api_version;
  // Whole requests per second, rounded down: never faster than allowed.
  options.requests_per_second = static_cast<std::size_t>(std::max(1.0, std::floor(config.vk_rps)));
  if (config.vk_token) options.tokens.push_back(*config.vk_token);
  options.observer = std::move(observer);
  options.settings.on_stored = std::move(on_stored);
  if (vault) options.reveal_token = [vault](std::string_view id) { return vault->reveal(id); };
  std::map<std::string, jobs::JobHandler> handlers{
      {"collect", collect::make_collect_handler(store, analyzer, std::move(options))}};
  return std::make_unique<jobs::WorkerPool>(store, std::move(handlers), pool_options);
}

std::unique_ptr<jobs::WorkerPool> make_workers(const Config& config, store::Store& store,
                                               const analysis::Analyzer& analyzer, const auth::VkTokenVault& vault,
                                               http::Metrics& metrics) {
  if (config.workers == 0) return nullptr;
  metrics.describe_counter("vka_comments_ingested_total",
                           "Comments (replies included) stored for the first time per task.");
  metrics.describe_counter("vka_posts_ingested_total", "Posts stored for the first time per task.");
  return make_collection_workers(config, config.workers, store, analyzer, &vault,
                                 std::make_shared<MetricsObserver>(metrics),
                                 [&metrics](const domain::TaskProgress& counted) {
                                   if (counted.comments_collected)
                                     metrics.increment("vka_comments_ingested_total", {}, counted.comments_collected);
                                   if (counted.posts_found)
                                     metrics.increment("vka_posts_ingested_total", {}, counted.posts_found);
                                 });
}

}  // namespace vka::app
