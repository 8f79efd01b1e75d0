#include "app/collect_command.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>
#include <sys/stat.h>
#include <unistd.h>
#include <CLI/CLI.hpp>

#include <ext/stdio_filebuf.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>

#include "app/analyzer_setup.hpp"
#include "app/collect_output.hpp"
#include "app/collect_progress.hpp"
#include "app/collect_task.hpp"
#include "app/collector_setup.hpp"
#include "app/exit_codes.hpp"
#include "app/logging.hpp"
#include "app/open_database.hpp"
#include "app/stop_signals.hpp"
#include "app/vk_options.hpp"

namespace vka::app {

namespace {

constexpr auto poll_interval = std::chrono::milliseconds{250};

void say(const std::string& line) { std::fprintf(stderr, "vk-analytics collect: %s\n", line.c_str()); }

bool report(const std::vector<std::string>& problems) {
  for (const auto& problem : problems) say(problem);
  return problems.empty();
}

void announce(const CollectTask& chosen) {
  const auto& task = chosen.task;
  switch (chosen.origin) {
    case TaskOrigin::created: say(fmt::format("collecting into new task {}", task.id)); break;
    case TaskOrigin::resumed:
      say(fmt::format("resuming task {} ({}: {} comments, {} posts so far)", task.id, domain::to_string(task.status),
                      task.progress.comments_collected, task.progress.posts_found));
      break;
    case TaskOrigin::finished:
      say(fmt::format("task {} with these parameters is already {}; writing it out again", task.id,
                      domain::to_string(task.status)));
      break;
    case TaskOrigin::refreshed:
      say(fmt::format("refreshing task {}: collecting what is new since it finished ({} comments, {} posts so far)",
                      task.id, task.progress.comments_collected, task.progress.posts_found));
      break;
  }
}

// Polls the task and shows its progress until it reaches a terminal status (returned as the task) or
// a stop signal arrives (returned as the signal).
struct Wait {
  std::optional<domain::Task> task;  // nullopt: interrupted, or the task was removed
  std::optional<int> signal;
};

Wait wait_until_finished(store::TaskRepository& tasks, const std::string& task_id, const StopSignals& signals,
                         ProgressDisplay& display) {
  for (;;) {
    auto task = tasks.get(task_id);
    if (!task) return {};
    display.show(task->progress, task->waiting, ProgressDisplay::Clock::now());
    if (domain::is_terminal(task->status)) return {std::move(task), std::nullopt};
    if (const auto signal = signals.wait_for(poll_interval)) return {std::nullopt, signal};
  }
}

void print_summary(const domain::Task& task, std::chrono::steady_clock::duration elapsed) {
  const auto& p = task.progress;
  const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(elapsed).count();
  say(fmt::format("task {} {}: {} communities, {} posts, {} comments, {} VK requests, {} errors in {}", task.id,
                  domain::to_string(task.status), p.groups_done, p.posts_found, p.comments_collected, p.vk_requests,
                  task.errors.size(), format_duration(seconds)));
  for (const auto& error : task.errors)
    std::fprintf(stderr, "error %s %s: %s\n", error.scope.c_str(), error.code.c_str(), error.message.c_str());
}

// To stdout ("-"), or to a file that appears only once complete (written beside it, then renamed).
// Returns the rows written, or nullopt after saying what went wrong.
std::optional<std::int64_t> write_output(store::ResultsRepository& results, const std::string& task_id, OutputRows rows,
                                         const api::ExportOptions& options, const std::string& path) {
  if (path == "-") {
    const auto written = write_rows(results, task_id, rows, options, std::cout);
    std::cout.flush();
    if (!std::cout) {
      say("could not write to stdout");
      return std::nullopt;
    }
    return written;
  }
  // Created exclusively under an unpredictable name: nothing planted beside the target (a symlink)
  // is followed.
  std::string partial = path + ".XXXXXX";
  const int fd = ::mkstemp(partial.data());
  if (fd < 0) {
    say(fmt::format("--output: cannot create a file beside '{}': {}", path, std::strerror(errno)));
    return std::nullopt;
  }
  const mode_t umask = ::umask(0);
  ::umask(umask);
  ::fchmod(fd, 0666 & ~umask);  // what a plain create gives; mkstemp makes 0600
  __gnu_cxx::stdio_filebuf<char> buffer{fd, std::ios::out | std::ios::binary};
  std::ostream file{&buffer};
  const auto written = write_rows(results, task_id, rows, options, file);
  file.flush();
  const bool complete = file && buffer.close() != nullptr;
  std::error_code error;
  if (complete) std::filesystem::rename(partial, path, error);
  if (!complete || error) {
    say(fmt::format("--output: could not write '{}'{}", path, error ? ": " + error.message() : ""));
    std::filesystem::remove(partial, error);
    return std::nullopt;
  }
  return written;
}

// Checked before collecting, so that a long collection does not end with nowhere to write.
std::vector<std::string> check_output(const std::string& path) {
  if (path == "-") return {};
  namespace fs = std::filesystem;
  std::error_code error;
  if (fs::is_directory(path, error)) return {fmt::format("--output: '{}' is a directory", path)};
  auto directory = fs::path(path).parent_path();
  if (directory.empty()) directory = ".";
  if (!fs::is_directory(directory, error)) return {fmt::format("--output: no directory '{}'", directory.string())};
  if (::access(directory.c_str(), W_OK | X_OK) != 0)
    return {fmt::format("--output: directory '{}' is not writable", directory.string())};
  return {};
}

int exit_code_for(domain::TaskStatus status) {
  return status == domain::TaskStatus::completed || status == domain::TaskStatus::completed_with_errors ? exit_ok
                                                                                                        : exit_failure;
}

}  // namespace

void CollectCommand::add_to(CLI::App& cli) {
  command_ = cli.add_subcommand("collect", "collect communities or posts from the terminal into NDJSON, CSV or XLSX");
  config_.database_url = "sqlite://./collect.db";
  config_.log_level = "warn";
  auto& c = *command_;
  c.add_option("communities", request_.groups, "community ids, screen names or vk.com links");
  c.add_option("--posts", request_.posts, "a single post such as -1_123 or a vk.com/wall link (repeatable)")
      ->allow_extra_args(false);
  c.add_option("--posts-per-group", request_.posts_per_group, "newest posts per community (default 10)");
  c.add_option("--since", request_.since, "only posts from this RFC 3339 time on, e.g. 2026-01-01T00:00:00Z");
  c.add_option("--until", request_.until, "only posts before this RFC 3339 time");
  c.add_flag("--no-threads", request_.no_threads, "skip replies to comments");
  c.add_flag("--no-refresh", no_refresh_, "a finished task is written out again as it is, without calling VK");
  c.add_option("--format", format_, "output format")
      ->check(CLI::IsMember({"ndjson", "csv", "xlsx"}))
      ->capture_default_str();
  c.add_option("--delimiter", delimiter_, "CSV delimiter: comma, semicolon or tab (default comma)");
  c.add_option("--bom", bom_, "CSV starts with a UTF-8 byte-order mark: true or false (default: with semicolon)");
  c.add_option("--tz", tz_, "IANA time zone of the dates, e.g. Europe/Moscow (default UTC)");
  c.add_option("--what", what_, "rows to write")->check(CLI::IsMember({"comments", "posts"}))->capture_default_str();
  c.add_option("-o,--output", output_, "output file, '-' for stdout")->capture_default_str();
  c.add_option("--database", config_.database_url, "local database that keeps tasks for resuming (sqlite://PATH)")
      ->capture_default_str();
  c.add_option("--log-level", config_.log_level, "trace, debug, info, warn, error or off")->capture_default_str();
  add_vk_options(c, config_);
}

bool CollectCommand::parsed() const { return command_ && command_->parsed(); }

int CollectCommand::run() {
  auto [params, problems] = to_task_params(request_);
  const auto options = api::parse_export_options({.format = format_, .delimiter = delimiter_, .bom = bom_, .tz = tz_});
  if (!options) problems.push_back(fmt::format("--{}: {}", options.error().field, options.error().message));
  for (auto& more : {validate_collector(config_), check_output(output_)})
    problems.insert(problems.end(), more.begin(), more.end());
  if (!report(problems)) return exit_usage;
  try {
    setup_logging(config_.log_level);
  } catch (const std::invalid_argument& error) {
    report({std::string{"--log-level: "} + error.what()});
    return exit_usage;
  }
  const auto rows = what_ == "posts" ? OutputRows::posts : OutputRows::comments;

  const StopSignals signals;  // before the workers' threads exist
  const auto started = std::chrono::steady_clock::now();
  return run_command("vk-analytics collect", [&] {
    auto store = open_database(config_);
    store->migrate();
    const auto analyzer = make_analyzer({});
    const auto chosen = find_or_create_task(*store, std::move(params), !no_refresh_);
    announce(chosen);
    auto task = chosen.task;
    if (!domain::is_terminal(task.status)) {
      ProgressDisplay display{stderr, ::isatty(STDERR_FILENO) == 1};
      auto workers = make_collection_workers(config_, 1, *store, analyzer, nullptr, nullptr);
      workers->start();
      auto wait = wait_until_finished(store->tasks(), task.id, signals, display);
      workers->stop();  // an interrupted task's job goes back to the queue with its checkpoints
      display.close();
      if (wait.signal) {
        say(fmt::format("interrupted by {}; task {} keeps its progress: run the same command again to resume",
                        signal_name(*wait.signal), task.id));
        return 128 + *wait.signal;
      }
      if (!wait.task) {
        say(fmt::format("task {} was removed from the database", task.id));
        return exit_failure;
      }
      task = std::move(*wait.task);
    }
    const auto written = write_output(store->results(), task.id, rows, *options, output_);
    if (written) say(fmt::format("wrote {} {} to {}", *written, what_, output_ == "-" ? "stdout" : output_));
    print_summary(task, std::chrono::steady_clock::now() - started);
    store->close();
    return written ? exit_code_for(task.status) : exit_failure;
  });
}

}  // namespace vka::app
