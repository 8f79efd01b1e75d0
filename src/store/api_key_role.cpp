#include <array>
#include <utility>

#include "store/api_key_repository.hpp"

namespace vka::store {

namespace {
constexpr std::array<std::pair<ApiKeyRole, std::string_view>, 3> role_names{{
    {ApiKeyRole::admin, "admin"},
    {ApiKeyRole::analyst, "analyst"},
    {ApiKeyRole::viewer, "viewer"},
}};
}  // namespace

std::string_view to_string(ApiKeyRole role) {
  for (const auto& [value, name] : role_names)
    if (value == role) return name;
  return "unknown";
}

std::optional<ApiKeyRole> parse_api_key_role(std::string_view text) {
  for (const auto& [value, name] : role_names)
    if (name == text) return value;
  return std::nullopt;
}

}  // namespace vka::store
