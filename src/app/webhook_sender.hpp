#pragma once
// The thread that calls webhooks: it leases due deliveries from the store's outbox (any number of processes
// may run one; each delivery goes to one of them at a time), POSTs each signed event and records how the
// attempt ended, retrying failures by domain/webhook_retry.hpp. Only public addresses are called unless
// private ones are allowed, checked at every connection so a host that resolves elsewhere since the webhook
// was set (DNS rebinding) cannot reach the local network.
#include <chrono>

#include "app/polling_thread.hpp"
#include "auth/webhook_secrets.hpp"
#include "store/store.hpp"
#include "vk/http_client.hpp"

namespace vka::app {

struct WebhookSenderOptions {
  bool allow_private = false;                      // VKA_WEBHOOK_ALLOW_PRIVATE
  std::chrono::milliseconds poll_interval{1'000};  // how long an idle sender waits before looking again
};

class WebhookSender {
 public:
  WebhookSender(store::Store& store, const auth::WebhookSecrets& secrets, WebhookSenderOptions options);

  void start() { thread_.start(); }
  // Lets the attempt under way end, then returns.
  void stop() { thread_.stop(); }
  // Makes the attempt of the delivery due longest ago; false when none was due.
  bool send_next();

 private:
  store::Store& store_;
  const auth::WebhookSecrets& secrets_;
  vk::HttpClient client_;
  PollingThread thread_;  // last: its thread stops before the rest goes
};

}  // namespace vka::app
