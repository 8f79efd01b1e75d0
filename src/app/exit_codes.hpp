#pragma once
// The exit codes of every command (`vk-analytics --help` lists them), and the one place where what a
// command throws becomes a message and an exit code.
#include <functional>
#include <stdexcept>
#include <string_view>

namespace vka::app {

inline constexpr int exit_ok = 0;
inline constexpr int exit_failure = 1;  // a failure at run time: the database unreachable, VK failing, a write failed
inline constexpr int exit_usage = 2;    // bad flags or configuration, a listen address that cannot be used
// 128 + N: stopped by signal N before the work was done (collect)

// A problem with how the command was invoked or configured that shows only once it runs: a lexicon
// file that does not parse, a bad bootstrap key, a port already in use.
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Runs a command and returns its exit code. What escapes it becomes one line on stderr,
// "<program>: <message>", and exit_usage for a UsageError, exit_failure for anything else (a database
// error reads "<program>: database: <message>").
int run_command(std::string_view program, const std::function<int()>& command);

}  // namespace vka::app
