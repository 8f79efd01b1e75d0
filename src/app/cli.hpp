#pragma once

namespace vka::app {

// The vk-analytics command line; returns the process exit code (app/exit_codes.hpp).
int run_cli(int argc, char** argv);

}  // namespace vka::app
