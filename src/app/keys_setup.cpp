#include "app/keys_setup.hpp"

#include <filesystem>
#include <stdexcept>

#include "api/audit_trail.hpp"
#include "api/authenticator.hpp"
#include "app/exit_codes.hpp"
#include "auth/key_file.hpp"
#include "domain/ids.hpp"

namespace vka::app {

auth::SecretKey load_master_key(const std::string& data_dir) {
  auto master = auth::load_or_create_secret_key(data_dir);
  if (!master) throw UsageError(master.error());
  return std::move(master).value();
}

namespace {

UsageError not_the_database_key(const std::string& data_dir) {
  return UsageError((std::filesystem::path(data_dir) / auth::secret_key_file_name).string() +
                    " is not the key this database was used with: its API keys, sessions and VK tokens would all "
                    "be refused. Restore the secret.key backed up with this database into the data directory (or "
                    "point --data-dir / VKA_DATA_DIR at it).");
}

}  // namespace

auth::SecretKey load_master_key(const std::string& data_dir, store::Store& store) {
  // A missing file would be replaced by a new key: refuse before making one.
  if (!std::filesystem::exists(std::filesystem::path(data_dir) / auth::secret_key_file_name) &&
      store.key_check().stored())
    throw not_the_database_key(data_dir);
  auto master = load_master_key(data_dir);
  // A keyed hash of a fixed text: it tells keys apart and reveals nothing of them.
  const auto check_value = api_key_hasher(master).hash("vk-analytics master key check");
  if (store.key_check().remember(check_value) != check_value) throw not_the_database_key(data_dir);
  return master;
}

auth::ApiKeyHasher api_key_hasher(const auth::SecretKey& master_key) {
  return auth::ApiKeyHasher{master_key.derive(auth::KeyPurpose::api_key_hashing)};
}

std::string create_api_key(store::Store& store, const auth::ApiKeyHasher& hasher, domain::Role role,
                           const std::string& name, const std::optional<std::string>& owner_id) {
  const auto key = auth::generate_api_key();
  const store::ApiKey stored{.id = domain::new_id(domain::IdKind::api_key),
                             .name = name,
                             .role = role,
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
