#pragma once
// An in-memory ApiKeyRepository that honours the contract: revoked keys are not found.
#include <array>
#include <optional>
#include <string_view>
#include <vector>

#include "auth/api_key.hpp"
#include "store/api_key_repository.hpp"

namespace vka::api::testing {

class FakeApiKeyRepository : public store::ApiKeyRepository {
 public:
  void create(const store::ApiKey& key) override { keys.push_back(key); }
  std::optional<store::ApiKey> find_by_hash(std::string_view key_hash) override {
    ++lookups;
    for (const auto& key : keys)
      if (key.key_hash == key_hash && !key.revoked_at) return key;
    return std::nullopt;
  }
  std::vector<store::ApiKey> list() override { return keys; }
  bool revoke(std::string_view id, domain::Timestamp at) override {
    for (auto& key : keys)
      if (key.id == id && !key.revoked_at) return key.revoked_at = at, true;
    return false;
  }

  std::vector<store::ApiKey> keys;
  int lookups = 0;
};

inline auth::SecretKey test_pepper() {
  std::array<unsigned char, auth::SecretKey::size> bytes{};
  bytes.fill(7);
  return auth::SecretKey{bytes};
}

}  // namespace vka::api::testing
