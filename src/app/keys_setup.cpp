#include "app/keys_setup.hpp"

#include <stdexcept>

#include "api/audit_trail.hpp"
#include "api/authenticator.hpp"
#include "auth/key_file.hpp"
#include "domain/ids.hpp"

namespace vka::app {

auth::SecretKey load_master_key(const std::string& data_dir) {
  auto master = auth::load_or_create_secret_key(data_dir);
  if (!master) throw std::runtime_error(master.problem());
  return std::move(master).value();
}

auth::ApiKeyHasher api_key_hasher(const auth::SecretKey& master_key) {
  return auth::ApiKeyHasher{master_key.derive(auth::KeyPurpose::api_key_hashing)};
}

std::string create_api_key(store::Store& store, const auth::ApiKeyHasher& hasher, auth::Role role,
                           const std::string& name, const std::optional<std::string>& owner_id) {
  const auto key = auth::generate_api_key();
  const store::ApiKey stored{.id = domain::new_id(domain::IdKind::api_key),
                             .name = name,
                             .role = api::to_store_role(role),
                             .key_hash = hasher.hash(key),
                             .created_at = domain::now(),
                             .owner_id = owner_id};
  store.write_together([&] {
    store.api_keys().create(stored);
    api::record_system_audit(store, "cli", "api_key.created", stored.id);
  });
  return key;
}

}  // namespace vka::app
