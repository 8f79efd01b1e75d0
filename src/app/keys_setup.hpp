#pragma once
// The server's key material, shared by `serve` and `api-keys`.
#include <optional>
#include <string>

#include "auth/api_key.hpp"
#include "auth/role.hpp"
#include "store/store.hpp"

namespace vka::app {

// Loads (or creates) <data_dir>/secret.key and derives the API-key hasher from it.
// Throws std::runtime_error with a message naming the file's problem.
auth::ApiKeyHasher load_api_key_hasher(const std::string& data_dir);

// A new API key stored hashed; returns the key itself, which is shown once and never again.
std::string create_api_key(store::Store& store, const auth::ApiKeyHasher& hasher, auth::Role role,
                           const std::string& name);

}  // namespace vka::app
