#include "sim/options.hpp"

#include <algorithm>
#include <charconv>

#include "domain/enum_names.hpp"

namespace vka::sim {

namespace {

constexpr auto fault_names = domain::enum_names<Fault>({{Fault::http_5xx, "5xx"},
                                                        {Fault::error10, "error10"},
                                                        {Fault::error9, "error9"},
                                                        {Fault::truncated, "truncated"},
                                                        {Fault::stall, "stall"}});

std::string_view trim(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  return text;
}

}  // namespace

std::string_view to_string(Fault fault) { return fault_names.name(fault); }

std::optional<std::vector<Fault>> parse_faults(std::string_view list, std::string* unknown) {
  std::vector<Fault> faults;
  while (!list.empty()) {
    const auto comma = list.find(',');
    const auto item = trim(list.substr(0, comma));
    list = comma == std::string_view::npos ? std::string_view{} : list.substr(comma + 1);
    if (item.empty()) continue;
    const auto fault = fault_names.parse(item);
    if (!fault) {
      if (unknown) *unknown = std::string{item};
      return std::nullopt;
    }
    if (std::find(faults.begin(), faults.end(), *fault) == faults.end()) faults.push_back(*fault);
  }
  return faults;
}

std::optional<std::pair<std::string, std::int64_t>> parse_quota(std::string_view text) {
  const auto equals = text.find('=');
  if (equals == std::string_view::npos || equals == 0) return std::nullopt;
  const auto value = text.substr(equals + 1);
  std::int64_t limit = 0;
  const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), limit);
  if (error != std::errc{} || end != value.data() + value.size() || limit < 0) return std::nullopt;
  return std::pair{std::string{text.substr(0, equals)}, limit};
}

std::vector<std::string> validate(const SimOptions& options) {
  std::vector<std::string> problems;
  const auto& data = options.dataset;
  if (data.communities < 4 || data.communities > 10'000)
    problems.emplace_back("--communities: must be 4..10000 (private, banned and comments-closed ones plus open ones)");
  if (data.posts < 1 || data.posts > 100'000) problems.emplace_back("--posts: must be 1..100000");
  if (!(data.comments_mean >= 1 && data.comments_mean <= 10'000))
    problems.emplace_back("--comments-mean: must be 1..10000");
  if (data.long_thread_replies < 0 || data.long_thread_replies > 100'000)
    problems.emplace_back("--long-thread-replies: must be 0..100000");
  if (options.rps < 1 || options.rps > 10'000) problems.emplace_back("--rps: must be 1..10000");
  if (!(options.fault_rate >= 0 && options.fault_rate <= 1)) problems.emplace_back("--fault-rate: must be 0..1");
  if (options.fault_rate > 0 && options.faults.empty())
    problems.emplace_back("--faults: at least one fault kind is needed when --fault-rate > 0");
  if (options.stall.count() < 0 || options.stall.count() > 600'000)
    problems.emplace_back("--stall-ms: must be 0..600000");
  for (const auto* list : {&options.tokens, &options.invalid_tokens, &options.service_tokens})
    for (const auto& token : *list)
      if (token.empty()) problems.emplace_back("tokens must not be empty");
  return problems;
}

}  // namespace vka::sim
