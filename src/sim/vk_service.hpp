#pragma once
// The simulator's request handling: VK's /method/<name> endpoint with tokens, per-second limits,
// quotas, faults and execute, plus the /_sim/ endpoints. Thread-safe.
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <functional>
#include <map>
#include <mutex>
#include <optional>
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
  // GET /_sim/truth: truth_json() of the dataset, serialized once.
  const std::string& truth_body() const;
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
  mutable std::once_flag truth_once_;
  mutable std::string truth_body_;

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
