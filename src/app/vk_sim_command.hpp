#pragma once
// `vk-analytics vk-sim`: the VK API simulator as its own server (tests, benchmarks, demos).
#include <string>
#include <vector>

#include "sim/options.hpp"

namespace CLI {
class App;
}

namespace vka::app {

class VkSimCommand {
 public:
  // Adds the `vk-sim` subcommand and its flags to `cli`.
  void add_to(CLI::App& cli);
  bool parsed() const;
  // Serves until SIGTERM or SIGINT; returns the exit code.
  int run();

 private:
  CLI::App* command_ = nullptr;
  sim::SimOptions options_;
  std::string listen_ = "127.0.0.1:8081";
  std::vector<std::string> quotas_;
  std::string faults_ = "5xx,error10,error9,truncated,stall";
  long long stall_ms_ = 3000;
  std::string log_level_ = "warn";
};

}  // namespace vka::app
