#include "store/sql/api_key_repository.hpp"

#include "store/error.hpp"
#include "store/postgres/database.hpp"
#include "store/sqlite/database.hpp"

namespace vka::store::sql {

namespace {

constexpr std::string_view columns =
    "SELECT id, name, role, key_hash, created_at, revoked_at, owner_id, expires_at, last_used_at FROM api_keys ";

template <class Rows>
ApiKey read_key(const Rows& row) {
  const auto role = domain::parse_role(row.text(2));
  if (!role) throw StoreError(StoreErrorKind::corrupt, "a stored API key has an unknown role");
  return {row.text(0),     row.text(1),     *role,           row.text(3),    row.time(4),
          row.opt_time(5), row.opt_text(6), row.opt_time(7), row.opt_time(8)};
}

}  // namespace

template <class Database>
void ApiKeyRepositoryOn<Database>::create(const ApiKey& key) {
  database_.write([&](auto& c) {
    c.execute(
        "INSERT INTO api_keys (id, name, role, key_hash, created_at, owner_id, expires_at) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        key.id, key.name, to_string(key.role), key.key_hash, key.created_at, key.owner_id, key.expires_at);
  });
}

template <class Database>
std::optional<ApiKey> ApiKeyRepositoryOn<Database>::find_by_hash(std::string_view key_hash) {
  return database_.read([&](auto& c) -> std::optional<ApiKey> {
    auto rows = c.query(std::string(columns) + "WHERE key_hash = ?1 AND revoked_at IS NULL", key_hash);
    if (!rows.next()) return std::nullopt;
    return read_key(rows);
  });
}

template <class Database>
std::vector<ApiKey> ApiKeyRepositoryOn<Database>::list() {
  return database_.read([&](auto& c) {
    std::vector<ApiKey> keys;
    auto rows = c.query(std::string(columns) + "ORDER BY created_at, id");
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

template <class Database>
std::optional<ApiKey> ApiKeyRepositoryOn<Database>::get(std::string_view id) {
  return database_.read([&](auto& c) -> std::optional<ApiKey> {
    auto rows = c.query(std::string(columns) + "WHERE id = ?1", id);
    if (!rows.next()) return std::nullopt;
    return read_key(rows);
  });
}

template <class Database>
int ApiKeyRepositoryOn<Database>::revoke_owned(std::string_view owner_id, domain::Timestamp at) {
  return database_.write([&](auto& c) {
    return static_cast<int>(
        c.execute("UPDATE api_keys SET revoked_at = ?2 WHERE owner_id = ?1 AND revoked_at IS NULL", owner_id, at));
  });
}

template <class Database>
bool ApiKeyRepositoryOn<Database>::mark_used(std::string_view id, domain::Timestamp at,
                                             std::chrono::seconds resolution) {
  return database_.write([&](auto& c) {
    return c.execute(
               "UPDATE api_keys SET last_used_at = ?2 WHERE id = ?1 AND (last_used_at IS NULL OR last_used_at <= ?3)",
               id, at, at - resolution) == 1;
  });
}

template class ApiKeyRepositoryOn<sqlite::Database>;
template class ApiKeyRepositoryOn<postgres::Database>;

}  // namespace vka::store::sql
