#pragma once
// Sends the collector's calls to VK through one or more tokens: batched into one `execute` when the token
// may call it (probed once per token with `return 1;`), as single calls otherwise. Retries what is
// transient with exponential backoff and full jitter, halves a batch VK could not run, parks a token for a
// method whose quota is used up, retires invalid tokens, and stops sending while a circuit breaker is open
// (the calls then fail with code vk_unavailable and the message of the failure that opened it).
// One instance serves every collection job of the process: each token has one pacer shared by all callers.
#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "collect/vk_observer.hpp"
#include "vk/retry.hpp"
#include "vk/vk_client.hpp"

namespace vka::collect {

struct TokenConfig {
  vk::AccessToken token;
  std::size_t requests_per_second = 3;  // user and service tokens
};

struct GatewayOptions {
  std::string base_url = "https://api.vk.ru/method";
  std::string version = std::string(vk::kApiVersion);
  int max_attempts = 5;  // rounds of transient failures before a call is reported as failed
  vk::BackoffPolicy transient_backoff{std::chrono::milliseconds(500), std::chrono::seconds(20)};
  vk::BackoffPolicy flood_backoff{std::chrono::seconds(5), std::chrono::seconds(60)};
  vk::BreakerOptions breaker;
  vk::Clock::duration rate_hold = std::chrono::seconds(1);    // after an error 6
  vk::Clock::duration quota_park = std::chrono::minutes(30);  // error 29: unknown reset, be patient
  vk::Clock::duration captcha_park = std::chrono::minutes(30);
  std::chrono::milliseconds pacer_safety_margin{50};
  // Books each send of a token (named by its fingerprint) where every process sees it, and returns the
  // wait before sending (the store's send ledger). Empty: this process is the only one using its tokens.
  std::function<vk::Clock::duration(std::string_view token_key, std::size_t limit, vk::Clock::duration window)>
      book_send;
};

// One call's result: its payload, or its classified failure. A failure whose action is retry_backoff,
// wait_rate, flood_backoff, quota or park_token is transient for the caller (try again later);
// retire_token and wrong_token_type mean no token can make the call ("vk_no_usable_token").
using CallResult = std::variant<vk::Payload, vk::VkFailure>;

struct BatchResult {
  std::vector<CallResult> calls;  // one per call, in order
  std::int64_t vk_requests = 0;   // HTTP requests sent
  std::int64_t retries = 0;       // requests re-sent after a failure
};

bool is_transient(const vk::VkFailure& failure);
bool is_token_exhaustion(const vk::VkFailure& failure);

class VkGateway {
 public:
  // `transport` and `clock` must outlive the gateway. uniform01: jitter source (tests make it fixed).
  VkGateway(vk::HttpTransport& transport, vk::Clock& clock, std::vector<TokenConfig> tokens, GatewayOptions options,
            std::shared_ptr<VkObserver> observer = {}, std::function<double()> uniform01 = {});
  ~VkGateway();
  VkGateway(const VkGateway&) = delete;
  VkGateway& operator=(const VkGateway&) = delete;

  // Sends up to any number of calls (packed by 25) for the task `task_key` (pacer fairness). `stop` is
  // polled between requests and during backoff; when it turns true the unsent calls fail as transient.
  // `only` (from use_token) sends through that one token; otherwise the pool given at construction is used.
  BatchResult send(std::span<const vk::Request> calls, std::string_view task_key,
                   const std::function<bool()>& stop = {}, std::optional<std::size_t> only = std::nullopt);

  // The index of a token outside the default pool (a task's own stored token): added on first use with its
  // own pacer, found again by its fingerprint afterwards. Thread-safe.
  std::size_t use_token(TokenConfig config);

  std::size_t token_count() const;
  // For tests and diagnostics: whether the token at `index` sends execute batches (after its probe).
  bool batches(std::size_t index) const;
  bool retired(std::size_t index) const;
  // Error 6 answers seen: each one is a pacer bug.
  std::int64_t rate_errors() const;
  // How long the circuit breaker still holds every call back; zero while it lets calls through.
  vk::Clock::duration paused_for() const;

 private:
  struct Token;
  struct Round;

  std::unique_ptr<Token> make_token(TokenConfig config) const;
  Token& token_at(std::size_t index) const;
  // The tokens a send may use: `only`, or the default pool.
  std::pair<std::size_t, std::size_t> candidates(std::optional<std::size_t> only) const;
  std::optional<std::size_t> pick_token(const std::string& method, std::optional<std::size_t> only);
  vk::VkFailure no_token_failure(const std::string& method, std::optional<std::size_t> only);
  void probe(Token& token, std::string_view task_key, BatchResult& result);
  void dispatch(std::size_t token_index, std::span<const std::size_t> group, std::span<const vk::Request> calls,
                std::string_view task_key, std::optional<std::size_t> only, Round& round, BatchResult& result);
  // What to do with one call's failure: true when it is final for the call.
  bool settle(std::size_t token_index, const std::string& method, const vk::VkFailure& failure, Round& round);
  void observe(std::string_view method, std::string_view outcome);
  bool sleep_for(vk::Clock::duration pause, const std::function<bool()>& stop);

  vk::HttpTransport& transport_;
  vk::Clock& clock_;
  GatewayOptions options_;
  std::shared_ptr<VkObserver> observer_;
  std::unique_ptr<vk::HttpTransport> timed_transport_;
  std::vector<std::unique_ptr<Token>> tokens_;  // the default pool first, then tasks' own tokens; under mutex_
  std::size_t pool_size_ = 0;
  vk::CircuitBreaker breaker_;
  mutable std::mutex mutex_;  // token states, backoff, counters
  vk::Backoff transient_backoff_;
  vk::Backoff flood_backoff_;
  std::int64_t rate_errors_ = 0;
  std::optional<vk::VkFailure> last_breaker_failure_;  // what calls fail with while the breaker is open
};

}  // namespace vka::collect
