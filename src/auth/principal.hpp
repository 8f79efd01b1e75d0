#pragma once
// Who is calling: an authenticated principal (API key or user) and its role.
#include <string>

#include "domain/role.hpp"

namespace vka::auth {

struct Principal {
  std::string id;  // the user or API key id; task owners refer to it
  domain::Role role = domain::Role::viewer;
  std::string name;
  bool operator==(const Principal&) const = default;
};

}  // namespace vka::auth
