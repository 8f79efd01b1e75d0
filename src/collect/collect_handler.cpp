#include "collect/collect_handler.hpp"

namespace vka::collect {

namespace {

// Everything one handler owns, kept alive by the handler's copies.
struct Runtime {
  vk::HttpClient http;
  vk::SteadyClock clock;
  std::shared_ptr<VkGateway> gateway;
  std::unique_ptr<Collector> collector;

  explicit Runtime(const vk::HttpClientOptions& options) : http(options) {}
};

}  // namespace

jobs::JobHandler make_collect_handler(store::Store& store, const analysis::Analyzer& analyzer,
                                      CollectorOptions options) {
  auto runtime = std::make_shared<Runtime>(options.http);
  std::vector<TokenConfig> tokens;
  for (std::string& token : options.tokens)
    tokens.push_back({vk::AccessToken(std::move(token)), options.requests_per_second});
  GatewayOptions gateway = options.gateway;
  gateway.base_url = options.vk_api_url;
  gateway.version = options.vk_api_version;
  // Every process on this database, and this one after a restart, shares each token's limit.
  gateway.book_send = [&store](std::string_view token_key, std::size_t limit, vk::Clock::duration window) {
    return vk::Clock::duration(
        store.vk_sends().book(token_key, limit, std::chrono::duration_cast<std::chrono::microseconds>(window)));
  };
  runtime->gateway =
      std::make_shared<VkGateway>(runtime->http, runtime->clock, std::move(tokens), gateway, options.observer);
  if (options.reveal_token) {
    options.settings.task_token = [reveal = std::move(options.reveal_token), rps = options.requests_per_second](
                                      std::string_view id) -> std::optional<TokenConfig> {
      auto secret = reveal(id);
      if (!secret) return std::nullopt;
      return TokenConfig{vk::AccessToken(std::move(*secret)), rps};
    };
  }
  runtime->collector = std::make_unique<Collector>(store, analyzer, runtime->gateway, runtime->clock, options.settings);
  return [runtime](jobs::JobContext& context) { return runtime->collector->run(context); };
}

jobs::JobHandler make_collect_handler(store::Store& store, const analysis::Analyzer& analyzer,
                                      std::shared_ptr<VkGateway> gateway, vk::Clock& clock,
                                      CollectorSettings settings) {
  auto collector = std::make_shared<Collector>(store, analyzer, std::move(gateway), clock, settings);
  return [collector](jobs::JobContext& context) { return collector->run(context); };
}

}  // namespace vka::collect
