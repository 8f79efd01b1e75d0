#pragma once
// The simulator's request handling: VK's /method/<name> endpoint with tokens, per-second limits,
// quotas, faults and execute, plus the /_sim/ endpoints. Thread-safe.
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <string>
#include <string_view>

#include "http/message.hpp"
#include "sim/dataset.hpp"
#include "sim/options.hpp"
#include "sim/params.hpp"
#include "sim/rate_window.hpp"
#include "sim/sim_stats.hpp"

namespace vka::sim {

class VkService {
 public:
  using Clock = std::function<SimClock::time_point()>;
  // Throws std::invalid_argument listing the problems with `options`.
  explicit VkService(SimOptions options, Clock clock = SimClock::now);

  // GET or POST /method/{name}: always a VK envelope (HTTP 200) unless a 5xx fault is injected.
  http::Response handle_method(const http::Request& request);
  boost::json::object stats() const;
  void reset_stats();
  // GET /_sim/truth: truth_json() of the dataset, serialized once per state of the data.
  std::string truth_body() const;
  // POST /_sim/grow: see sim/growth.hpp; throws std::invalid_argument for a bad spec. Waits for the VK
  // requests in flight, and the next ones see the grown data.
  boost::json::object grow(const boost::json::value& spec);
  // Unsynchronized with grow(): for what growth leaves as it is (communities, users).
  const Dataset& dataset() const { return dataset_; }
  std::chrono::milliseconds stall_limit() const { return options_.stall; }

 private:
  struct TokenState {
    SlidingWindowLimiter limiter;
    std::uint64_t admitted = 0;                              // numbers the requests for the fault plan
    std::map<std::string, std::int64_t, std::less<>> calls;  // per method, for quotas
  };
  enum class TokenKind { user, service };

  SimOptions options_;
  Clock clock_;
  Dataset dataset_;
  mutable std::mutex mutex_;
  std::map<std::string, TokenState, std::less<>> tokens_;
  SimStats stats_;
  // Shared by the VK methods reading the data, exclusive for growth.
  mutable std::shared_mutex data_mutex_;
  std::uint64_t growths_ = 0;  // under data_mutex_
  mutable std::mutex truth_mutex_;
  mutable std::optional<std::string> truth_body_;  // under truth_mutex_; reset by growth

  std::optional<TokenKind> token_kind(std::string_view token) const;
  // How /_sim/stats names a token: tokens declared in the options by their value (test fixtures),
  // any other (a real token someone stored) by a fingerprint, so that it is never echoed.
  std::string stats_label(std::string_view token) const;
  boost::json::object call(std::string_view method, const Params& params, std::string_view token, TokenKind kind);
  boost::json::value call_inner(std::string_view method, const Params& params, std::string_view token);
  boost::json::object execute(const Params& params, std::string_view token);
  void take_quota(std::string_view token, std::string_view method);
};

}  // namespace vka::sim
