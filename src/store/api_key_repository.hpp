#pragma once
// API keys, stored by the hash of the key (the key itself is never stored).
#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/time.hpp"

namespace vka::store {

enum class ApiKeyRole { admin, analyst, viewer };

std::string_view to_string(ApiKeyRole role);
std::optional<ApiKeyRole> parse_api_key_role(std::string_view text);

struct ApiKey {
  std::string id;
  std::string name;
  ApiKeyRole role = ApiKeyRole::viewer;
  std::string key_hash;
  domain::Timestamp created_at;
  std::optional<domain::Timestamp> revoked_at;
  std::optional<std::string> owner_id;  // the user it belongs to; none for keys made before accounts
  std::optional<domain::Timestamp> expires_at;
  std::optional<domain::Timestamp> last_used_at;
  bool operator==(const ApiKey&) const = default;
};

class ApiKeyRepository {
 public:
  virtual ~ApiKeyRepository() = default;
  // Throws StoreError(conflict) when the id or the hash is taken. revoked_at and last_used_at are ignored.
  virtual void create(const ApiKey& key) = 0;
  // Only keys that are not revoked.
  virtual std::optional<ApiKey> find_by_hash(std::string_view key_hash) = 0;
  // Every key, revoked ones included, oldest first.
  virtual std::vector<ApiKey> list() = 0;
  // False when there is no such key or it was already revoked.
  virtual bool revoke(std::string_view id, domain::Timestamp at) = 0;
  // Revoked ones included.
  virtual std::optional<ApiKey> get(std::string_view id) = 0;
  // Revokes every active key of the user; returns how many.
  virtual int revoke_owned(std::string_view owner_id, domain::Timestamp at) = 0;
  // Sets last_used_at to `at` unless it was set less than `resolution` before; true when it wrote.
  virtual bool mark_used(std::string_view id, domain::Timestamp at, std::chrono::seconds resolution) = 0;
};

}  // namespace vka::store
