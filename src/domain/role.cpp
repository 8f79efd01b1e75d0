#include "domain/role.hpp"

#include "domain/enum_names.hpp"

namespace vka::domain {

namespace {
constexpr auto role_names =
    enum_names<Role>({{Role::admin, "admin"}, {Role::analyst, "analyst"}, {Role::viewer, "viewer"}});
}  // namespace

std::string_view to_string(Role role) { return role_names.name(role); }

std::optional<Role> parse_role(std::string_view text) { return role_names.parse(text); }

}  // namespace vka::domain
