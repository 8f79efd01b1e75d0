#pragma once
// What the collector reports about its VK traffic, for metrics. The app adapts it to its own metrics
// registry; collect knows nothing about HTTP metrics. Implementations must be thread-safe.
#include <string_view>

#include "vk/clock.hpp"

namespace vka::collect {

class VkObserver {
 public:
  virtual ~VkObserver() = default;
  // One HTTP request to VK: method ("execute", "wall.get", ...) and outcome ("ok" or a stable error code
  // such as "vk_too_many_requests").
  virtual void on_vk_request(std::string_view method, std::string_view outcome) = 0;
  // How long a request waited for its token's pacer before it went out.
  virtual void on_pacer_wait(vk::Clock::duration waited) = 0;
};

}  // namespace vka::collect
