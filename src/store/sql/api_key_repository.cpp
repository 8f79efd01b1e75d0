#include "store/sql/api_key_repository.hpp"

#include "store/error.hpp"
#include "store/postgres/database.hpp"
#include "store/sqlite/database.hpp"

namespace vka::store::sql {

namespace {

template <class Rows>
ApiKey read_key(const Rows& row) {
  const auto role = domain::parse_role(row.text(2));
  if (!role) throw StoreError(StoreErrorKind::corrupt, "a stored API key has an unknown role");
  return {row.text(0), row.text(1), *role, row.text(3), row.time(4), row.opt_time(5)};
}

}  // namespace

template <class Database>
void ApiKeyRepositoryOn<Database>::create(const ApiKey& key) {
  database_.write([&](auto& c) {
    c.execute("INSERT INTO api_keys (id, name, role, key_hash, created_at) VALUES (?1, ?2, ?3, ?4, ?5)", key.id,
              key.name, to_string(key.role), key.key_hash, key.created_at);
  });
}

template <class Database>
std::optional<ApiKey> ApiKeyRepositoryOn<Database>::find_by_hash(std::string_view key_hash) {
  return database_.read([&](auto& c) -> std::optional<ApiKey> {
    auto rows = c.query(
        "SELECT id, name, role, key_hash, created_at, revoked_at FROM api_keys "
        "WHERE key_hash = ?1 AND revoked_at IS NULL",
        key_hash);
    if (!rows.next()) return std::nullopt;
    return read_key(rows);
  });
}

template <class Database>
std::vector<ApiKey> ApiKeyRepositoryOn<Database>::list() {
  return database_.read([&](auto& c) {
    std::vector<ApiKey> keys;
    auto rows = c.query("SELECT id, name, role, key_hash, created_at, revoked_at FROM api_keys ORDER BY created_at, id");
    while (rows.next()) keys.push_back(read_key(rows));
    return keys;
  });
}

template <class Database>
bool ApiKeyRepositoryOn<Database>::revoke(std::string_view id, domain::Timestamp at) {
  return database_.write([&](auto& c) {
    return c.execute("UPDATE api_keys SET revoked_at = ?2 WHERE id = ?1 AND revoked_at IS NULL", id, at) == 1;
  });
}

template class ApiKeyRepositoryOn<sqlite::Database>;
template class ApiKeyRepositoryOn<postgres::Database>;

}  // namespace vka::store::sql
