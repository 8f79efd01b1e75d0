#pragma once
// The VK client flags (API URL, version, token, requests per second) shared by `serve` and `collect`.
#include "app/config.hpp"

namespace CLI {
class App;
}

namespace vka::app {

void add_vk_options(CLI::App& command, Config& config);

}  // namespace vka::app
