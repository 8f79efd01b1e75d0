#include "auth/role.hpp"

#include <array>
#include <utility>

namespace vka::auth {

namespace {
constexpr std::array<std::pair<Role, std::string_view>, 3> role_names{{
    {Role::admin, "admin"},
    {Role::analyst, "analyst"},
    {Role::viewer, "viewer"},
}};
}  // namespace

std::string_view to_string(Role role) {
  for (const auto& [value, name] : role_names)
    if (value == role) return name;
  return "unknown";
}

std::optional<Role> parse_role(std::string_view text) {
  for (const auto& [value, name] : role_names)
    if (name == text) return value;
  return std::nullopt;
}

}  // namespace vka::auth
