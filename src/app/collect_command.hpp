#pragma once
// `vk-analytics collect`: one task collected in this process into a local database, with progress on
// stderr, then written out as NDJSON, CSV or XLSX with the export's options. Running the same command
// again resumes it, or once it is finished refreshes it (with --no-refresh, writes it out again without
// calling VK).
#include <optional>
#include <string>

#include "app/collect_request.hpp"
#include "app/config.hpp"

namespace CLI {
class App;
}

namespace vka::app {

class CollectCommand {
 public:
  // Adds the `collect` subcommand and its flags to `cli`.
  void add_to(CLI::App& cli);
  bool parsed() const;
  // Returns the exit code: 0 completed (with or without errors), 1 failed, canceled or a run-time
  // problem, 2 bad usage, 128 + the signal when interrupted.
  int run();

 private:
  CLI::App* command_ = nullptr;
  Config config_;
  CollectRequest request_;
  std::string format_ = "ndjson";
  std::optional<std::string> delimiter_;
  std::optional<std::string> bom_;
  std::optional<std::string> tz_;
  std::string what_ = "comments";
  std::string output_ = "-";
  bool no_refresh_ = false;
};

}  // namespace vka::app
