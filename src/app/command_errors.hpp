#pragma once
// How the database commands (users, api-keys) fail: one line on stderr and exit_failure.
#include <functional>

namespace vka::app {

// Runs `command`; a StoreError or another std::runtime_error it throws is reported and becomes exit_failure.
int run_reporting_errors(const std::function<int()>& command);

}  // namespace vka::app
