#pragma once
// What a caller may do, by role: admin, analyst or viewer. The API keys in the store carry one, and the
// permissions in auth/ decide by it.
#include <optional>
#include <string_view>

namespace vka::domain {

enum class Role { admin, analyst, viewer };

std::string_view to_string(Role role);
std::optional<Role> parse_role(std::string_view text);

}  // namespace vka::domain
