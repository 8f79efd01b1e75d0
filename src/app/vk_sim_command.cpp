#include "app/vk_sim_command.hpp"

#include <spdlog/spdlog.h>
#include <CLI/CLI.hpp>

#include <cstdio>

#include "app/config.hpp"
#include "app/exit_codes.hpp"
#include "app/logging.hpp"
#include "app/stop_signals.hpp"
#include "sim/simulator.hpp"

namespace vka::app {

namespace {

bool report(const std::vector<std::string>& problems) {
  for (const auto& problem : problems) std::fprintf(stderr, "vk-analytics vk-sim: %s\n", problem.c_str());
  return problems.empty();
}

}  // namespace

void VkSimCommand::add_to(CLI::App& cli) {
  command_ = cli.add_subcommand("vk-sim", "serve the VK API simulator (deterministic data from --seed)");
  auto& c = *command_;
  auto& data = options_.dataset;
  c.add_option("--listen", listen_, "HOST:PORT to listen on (port 0 picks a free one)")->capture_default_str();
  c.add_option("--seed", data.seed, "seed every generated value derives from")->capture_default_str();
  c.add_option("--communities", data.communities, "communities (at least 4)")->capture_default_str();
  c.add_option("--posts", data.posts, "posts per community")->capture_default_str();
  c.add_option("--comments-mean", data.comments_mean, "mean top-level comments per post (heavy-tailed)")
      ->capture_default_str();
  c.add_option("--long-thread-replies", data.long_thread_replies, "replies on the one very long thread")
      ->capture_default_str();
  c.add_option("--rps", options_.rps, "requests per token within any 1000 ms before error 6")->capture_default_str();
  c.add_option("--quota", quotas_, "METHOD=N: calls per token before error 29 (repeatable)");
  c.add_option("--token", options_.tokens, "accepted token (repeatable; none given accepts any)");
  c.add_option("--invalid-token", options_.invalid_tokens, "token answered with error 5 (repeatable)");
  c.add_option("--service-token", options_.service_tokens, "service token: execute gives error 28 (repeatable)");
  c.add_option("--fault-rate", options_.fault_rate, "share of requests that fail, 0..1")->capture_default_str();
  c.add_option("--faults", faults_, "fault kinds: 5xx,error10,error9,truncated,stall")->capture_default_str();
  c.add_option("--stall-ms", stall_ms_, "how long a stalled request waits")->capture_default_str();
  c.add_flag("--debug-routes", options_.debug_routes,
             "serve /_sim/stats, /_sim/truth and /_sim/grow (tests, benchmarks, demos)");
  c.add_option("--log-level", log_level_, "trace, debug, info, warn, error or off")->capture_default_str();
}

bool VkSimCommand::parsed() const { return command_ && command_->parsed(); }

int VkSimCommand::run() {
  std::vector<std::string> problems;
  for (const auto& text : quotas_) {
    if (const auto quota = sim::parse_quota(text))
      options_.quotas[quota->first] = quota->second;
    else
      problems.push_back("--quota: '" + text + "' is not METHOD=N with N >= 0");
  }
  std::string unknown;
  if (auto faults = sim::parse_faults(faults_, &unknown))
    options_.faults = std::move(*faults);
  else
    problems.push_back("--faults: unknown fault kind '" + unknown + "'");
  options_.stall = std::chrono::milliseconds{stall_ms_};
  const auto listen = parse_listen(listen_);
  if (!listen) problems.push_back("--listen: '" + listen_ + "' is not HOST:PORT with an IP address and a port");
  if (problems.empty()) {
    auto more = sim::validate(options_);
    problems.insert(problems.end(), more.begin(), more.end());
  }
  if (!report(problems)) return exit_usage;
  try {
    setup_logging(log_level_);
  } catch (const std::invalid_argument& error) {
    report({std::string{"--log-level: "} + error.what()});
    return exit_usage;
  }

  const StopSignals signals;  // before any server thread exists

  sim::Simulator simulator{options_};
  try {
    simulator.start(listen->host, listen->port);
  } catch (const std::exception& error) {
    report({std::string{"--listen: "} + error.what()});
    return exit_usage;
  }
  std::printf("%s\n", simulator.base_url().c_str());
  std::fflush(stdout);
  spdlog::info("vk-sim: received {}, stopping", signal_name(signals.wait()));
  simulator.stop();
  return exit_ok;
}

}  // namespace vka::app
