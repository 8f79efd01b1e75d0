#pragma once
// Everything that shapes a simulator run; all randomness derives from `seed`.
#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vka::sim {

enum class Fault { http_5xx, error10, error9, truncated, stall };

std::string_view to_string(Fault fault);
// "5xx,error10,truncated" → faults; nullopt names the first unknown item via `unknown`.
std::optional<std::vector<Fault>> parse_faults(std::string_view list, std::string* unknown = nullptr);

struct DatasetOptions {
  std::uint64_t seed = 1;
  int communities = 6;            // at least 4: one private, one banned, one with comments closed, one open
  int posts = 30;                 // per community
  double comments_mean = 40;      // top-level comments per post, heavy-tailed
  int long_thread_replies = 250;  // replies on one comment of the dataset (forces comment_id paging)
};

struct SimOptions {
  DatasetOptions dataset;
  int rps = 3;                                              // requests per token within any 1000 ms
  std::map<std::string, std::int64_t, std::less<>> quotas;  // method → calls per token before error 29
  std::vector<std::string> tokens;                          // accepted tokens; empty accepts any non-empty token
  std::vector<std::string> invalid_tokens;                  // error 5
  std::vector<std::string> service_tokens;                  // accepted, but execute answers error 28
  double fault_rate = 0;                                    // share of requests that fail, 0..1
  std::vector<Fault> faults{Fault::http_5xx, Fault::error10, Fault::error9, Fault::truncated, Fault::stall};
  std::chrono::milliseconds stall{3000};
  bool debug_routes = false;  // serve /_sim/stats, /_sim/truth and /_sim/grow
  bool grow_route = false;    // serve /_sim/grow alone (the demo, to show a refresh)
};

// Problems with the options, one message per problem; empty when usable.
std::vector<std::string> validate(const SimOptions& options);
// "wall.get=5000" → {"wall.get", 5000}; nullopt when malformed.
std::optional<std::pair<std::string, std::int64_t>> parse_quota(std::string_view text);

}  // namespace vka::sim
