#pragma once
// Who is calling: an authenticated principal (API key or user) and its role.
#include <optional>
#include <string>
#include <string_view>

namespace vka::auth {

enum class Role { admin, analyst, viewer };

std::string_view to_string(Role role);
std::optional<Role> parse_role(std::string_view text);

// How a principal proved who it is: the audit trail names the credential, and only sessions need CSRF tokens.
enum class CredentialKind { api_key, session };

struct Principal {
  std::string id;  // the user, or the API key when it belongs to no user; task owners refer to it
  Role role = Role::viewer;
  std::string name;
  CredentialKind credential = CredentialKind::api_key;
  std::string credential_id;  // the API key's id, or the hash of the session's id
  bool operator==(const Principal&) const = default;
};

}  // namespace vka::auth
