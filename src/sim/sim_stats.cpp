#include "sim/sim_stats.hpp"

namespace vka::sim {

namespace json = boost::json;

namespace {

template <typename Map>
auto& entry(Map& map, std::string_view key) {
  auto found = map.find(key);
  if (found == map.end()) found = map.emplace(std::string{key}, typename Map::mapped_type{}).first;
  return found->second;
}

template <typename Counts>
json::object counts_json(const Counts& counts) {
  json::object out;
  for (const auto& [method, outcomes] : counts) {
    json::object by_outcome;
    for (const auto& [outcome, n] : outcomes) by_outcome[outcome] = n;
    out[method] = std::move(by_outcome);
  }
  return out;
}

}  // namespace

SimStats::PerToken& SimStats::token(std::string_view token) { return entry(tokens_, token); }

void SimStats::request(std::string_view method, std::string_view outcome) {
  ++entry(entry(requests_, method), outcome);
  ++total_requests_;
}

void SimStats::inner_call(std::string_view method, std::string_view outcome) {
  ++entry(entry(inner_calls_, method), outcome);
  ++total_inner_calls_;
}

void SimStats::arrival(std::string_view name, SimClock::time_point at) {
  auto& t = token(name);
  ++t.requests;
  t.busiest.record(at);
}

void SimStats::rate_violation(std::string_view name) {
  ++token(name).rate_violations;
  ++rate_violations_;
}

json::object SimStats::to_json() const {
  json::object tokens;
  // Named by VkService::stats_label: fixtures by value, any other token by a fingerprint.
  for (const auto& [name, t] : tokens_)
    tokens[name] = json::object{
        {"requests", t.requests}, {"max_requests_per_second", t.busiest.max()}, {"rate_violations", t.rate_violations}};
  return json::object{{"requests", counts_json(requests_)},
                      {"inner_calls", counts_json(inner_calls_)},
                      {"rate_violations", rate_violations_},
                      {"totals", json::object{{"requests", total_requests_}, {"inner_calls", total_inner_calls_}}},
                      {"tokens", std::move(tokens)}};
}

}  // namespace vka::sim
