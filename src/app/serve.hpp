#pragma once
#include "app/config.hpp"

namespace vka::app {

// Runs the HTTP API until SIGTERM or SIGINT, then shuts down gracefully. Returns the exit code.
int serve(const Config& config);

}  // namespace vka::app
