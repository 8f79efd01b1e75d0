#pragma once
// What the v1 handlers need from the rest of the process.
#include <atomic>

#include "analysis/analyzer.hpp"
#include "api/analytics_cache.hpp"
#include "api/authenticator.hpp"
#include "api/event_feed.hpp"
#include "api/page_cache.hpp"
#include "auth/vk_token_vault.hpp"
#include "auth/webhook_secrets.hpp"
#include "http/metrics.hpp"
#include "store/store.hpp"

namespace vka::api {

struct Services {
  store::Store& store;
  Authenticator& authenticator;
  http::Metrics& metrics;
  const analysis::Analyzer& analyzer;
  const std::atomic<bool>& shutting_down;  // /readyz answers 503 once set
  auth::VkTokenVault& vk_tokens;
  const auth::WebhookSecrets& webhook_secrets;
  bool webhook_allow_private = false;  // VKA_WEBHOOK_ALLOW_PRIVATE: webhooks may call private addresses
  AnalyticsCache analytics_cache{};
  EventStreamLimits event_stream_limits{};
  PageCache page_cache{0};  // none kept unless sized (VKA_PAGE_CACHE_BYTES)
  EventFeed event_feed{store, event_stream_limits};
};

}  // namespace vka::api
