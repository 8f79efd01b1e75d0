#pragma once
// What the simulator served, for GET /_sim/stats. Not thread-safe: the service locks around it.
#include <boost/json/object.hpp>

#include <cstdint>
#include <map>
#include <string>
#include <string_view>

#include "sim/rate_window.hpp"

namespace vka::sim {

class SimStats {
 public:
  // Outcomes: "ok", "error_<code>", "fault_<kind>".
  void request(std::string_view method, std::string_view outcome);
  void inner_call(std::string_view method, std::string_view outcome);
  void arrival(std::string_view token, SimClock::time_point at);
  void rate_violation(std::string_view token);

  // {"requests": {method: {outcome: n}}, "inner_calls": {…}, "rate_violations": n,
  //  "totals": {"requests": n, "inner_calls": n},
  //  "tokens": {token: {"requests": n, "max_requests_per_second": n, "rate_violations": n}}}
  boost::json::object to_json() const;

 private:
  using Counts = std::map<std::string, std::map<std::string, std::uint64_t, std::less<>>, std::less<>>;
  struct PerToken {
    std::uint64_t requests = 0;
    std::uint64_t rate_violations = 0;
    BusiestWindow busiest{std::chrono::milliseconds{1000}};
  };
  Counts requests_;
  Counts inner_calls_;
  std::uint64_t total_requests_ = 0;
  std::uint64_t total_inner_calls_ = 0;
  std::uint64_t rate_violations_ = 0;
  std::map<std::string, PerToken, std::less<>> tokens_;

  PerToken& token(std::string_view token);
};

}  // namespace vka::sim
