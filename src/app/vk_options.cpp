#include "app/vk_options.hpp"

#include <CLI/CLI.hpp>

namespace vka::app {

void add_vk_options(CLI::App& command, Config& config) {
  command.add_option("--vk-api-url", config.vk_api_url, "VK API base URL")
      ->envname("VKA_VK_API_URL")
      ->capture_default_str();
  command.add_option("--vk-api-version", config.vk_api_version, "VK API version (v)")
      ->envname("VKA_VK_API_VERSION")
      ->capture_default_str();
  command.add_option("--vk-token", config.vk_token, "default VK access token (prefer the environment variable)")
      ->envname("VKA_VK_TOKEN");
  command.add_option("--vk-rps", config.vk_rps, "requests per second allowed per VK token")
      ->envname("VKA_VK_RPS")
      ->capture_default_str();
}

}  // namespace vka::app
