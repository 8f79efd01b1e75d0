#pragma once
// `vk-analytics worker`: collection workers only, no HTTP server, for running the collection on
// other processes or hosts than the API (`serve --workers 0`) over one database.
#include "app/config.hpp"

namespace vka::app {

// Runs config.workers workers until SIGTERM or SIGINT; returns the exit code.
int run_workers(const Config& config);

}  // namespace vka::app
