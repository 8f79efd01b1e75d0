#pragma once

namespace vka::app {

// The vk-analytics command line; returns the process exit code
// (0 success, 1 failure at run time, 2 bad usage or configuration).
int run_cli(int argc, char** argv);

}  // namespace vka::app
