#pragma once
// The server's key material, shared by `serve` and `api-keys`.
#include <optional>
#include <string>

#include "auth/api_key.hpp"
#include "auth/secret_key.hpp"
#include "domain/role.hpp"
#include "store/store.hpp"

namespace vka::app {

// Loads (or creates) <data_dir>/secret.key, the master key every other key derives from.
// Throws UsageError with a message naming the file's problem.
auth::SecretKey load_master_key(const std::string& data_dir);
// The same, checked against the database: the first key used with a database is remembered there (by a
// check value), and any other is refused with a UsageError, since every API key, session and VK token of
// the database would silently stop working with it (a database restored without its secret.key).
auth::SecretKey load_master_key(const std::string& data_dir, store::Store& store);
auth::ApiKeyHasher api_key_hasher(const auth::SecretKey& master_key);

// A new API key stored hashed, belonging to `owner_id` if given; returns the key itself, which is shown
// once and never again.
std::string create_api_key(store::Store& store, const auth::ApiKeyHasher& hasher, domain::Role role,
                           const std::string& name, const std::optional<std::string>& owner_id = std::nullopt);

}  // namespace vka::app
