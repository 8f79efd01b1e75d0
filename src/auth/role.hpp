#pragma once
// Who is calling: an authenticated principal (API key or user) and its role.
#include <optional>
#include <string>
#include <string_view>

namespace vka::auth {

enum class Role { admin, analyst, viewer };

std::string_view to_string(Role role);
std::optional<Role> parse_role(std::string_view text);

struct Principal {
  std::string id;  // the user or API key id; task owners refer to it
  Role role = Role::viewer;
  std::string name;
  bool operator==(const Principal&) const = default;
};

}  // namespace vka::auth
