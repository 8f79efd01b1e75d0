#pragma once
// A VK API error (docs/vk-api.md §7): what a method throws and the envelope reports.
#include <stdexcept>
#include <string>
#include <string_view>

namespace vka::sim {

class VkError : public std::runtime_error {
 public:
  VkError(int code, std::string message) : std::runtime_error(std::move(message)), code_(code) {}
  int code() const { return code_; }

 private:
  int code_;
};

// Error 100 in VK's wording: "One of the parameters specified was missing or invalid: <detail>".
VkError invalid_parameter(std::string_view detail);

}  // namespace vka::sim
