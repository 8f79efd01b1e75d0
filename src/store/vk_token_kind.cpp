#include <array>
#include <utility>

#include "store/vk_token_repository.hpp"

namespace vka::store {

namespace {
constexpr std::array<std::pair<VkTokenKind, std::string_view>, 3> kind_names{{
    {VkTokenKind::user, "user"},
    {VkTokenKind::service, "service"},
    {VkTokenKind::community, "community"},
}};
}  // namespace

std::string_view to_string(VkTokenKind kind) {
  for (const auto& [value, name] : kind_names)
    if (value == kind) return name;
  return "unknown";
}

std::optional<VkTokenKind> parse_vk_token_kind(std::string_view text) {
  for (const auto& [value, name] : kind_names)
    if (name == text) return value;
  return std::nullopt;
}

}  // namespace vka::store
