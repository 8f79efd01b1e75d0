#pragma once
// Who is calling: an authenticated principal (API key or user) and its role.
#include <string>

#include "domain/role.hpp"

namespace vka::auth {

// How a principal proved who it is: the audit trail names the credential, and only sessions need CSRF tokens.
enum class CredentialKind { api_key, session };

struct Principal {
  std::string id;  // the user, or the API key when it belongs to no user; task owners refer to it
  domain::Role role = domain::Role::viewer;
  std::string name;
  CredentialKind credential = CredentialKind::api_key;
  std::string credential_id;  // the API key's id, or the hash of the session's id
  bool operator==(const Principal&) const = default;
};

}  // namespace vka::auth
