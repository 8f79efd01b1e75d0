#pragma once
// Wiring: the "collect" job handler with its own VK HTTP client, pacers and gateway, built from options.
#include <memory>
#include <string>
#include <vector>

#include "analysis/analyzer.hpp"
#include "collect/collector.hpp"
#include "collect/vk_gateway.hpp"
#include "collect/vk_observer.hpp"
#include "jobs/worker_pool.hpp"
#include "store/store.hpp"
#include "vk/http_client.hpp"

namespace vka::collect {

struct CollectorOptions {
  std::string vk_api_url = "https://api.vk.ru/method";  // VKA_VK_API_URL
  std::string vk_api_version = std::string(vk::kApiVersion);
  std::size_t requests_per_second = 3;  // per token
  std::vector<std::string> tokens;      // e.g. VKA_VK_TOKEN; never logged
  vk::HttpClientOptions http;
  GatewayOptions gateway;  // base_url, version and tokens above take precedence
  CollectorSettings settings;
  std::shared_ptr<VkObserver> observer;  // VK requests by method/outcome, pacer waits; may be null
  // A stored VK token in clear by id (the vault); nullopt when missing or unreadable. May be empty.
  std::function<std::optional<std::string>(std::string_view token_id)> reveal_token;
};

// The handler for job kind "collect". It owns what it needs (HTTP client, one pacer per token, the
// gateway); every job it runs shares them, so each token's pacing holds across concurrent jobs, and each
// send is booked in the store's send ledger, so it holds across processes and restarts too.
jobs::JobHandler make_collect_handler(store::Store& store, const analysis::Analyzer& analyzer,
                                      CollectorOptions options);

// The same over a gateway the caller built (tests, or several handlers sharing tokens).
jobs::JobHandler make_collect_handler(store::Store& store, const analysis::Analyzer& analyzer,
                                      std::shared_ptr<VkGateway> gateway, vk::Clock& clock,
                                      CollectorSettings settings = {});

}  // namespace vka::collect
