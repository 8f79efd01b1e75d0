#include "store/postgres/api_key_repository.hpp"

#include "store/error.hpp"

namespace vka::store::postgres {

namespace {

ApiKey read_key(const Rows& row) {
  const auto role = parse_api_key_role(row.text(2));
  if (!role) throw StoreError(StoreErrorKind::corrupt, "a stored API key has an unknown role");
  return {row.text(0), row.text(1), *role, row.text(3), row.time(4), row.opt_time(5)};
}

}  // namespace

void PostgresApiKeyRepository::create(const ApiKey& key) {
  database_.write([&](Connection& c) {
    c.execute("INSERT INTO api_keys (id, name, role, key_hash, created_at) VALUES ($1, $2, $3, $4, $5)", key.id,
              key.name, to_string(key.role), key.key_hash, key.created_at);
  });
}

std::optional<ApiKey> PostgresApiKeyRepository::find_by_hash(std::string_view key_hash) {
  return database_.read([&](Connection& c) -> std::optional<ApiKey> {
    Rows rows = c.query(
        "SELECT id, name, role, key_hash, created_at, revoked_at FROM api_keys "
        "WHERE key_hash = $1 AND revoked_at IS NULL",
        key_hash);
    if (!rows.next()) return std::nullopt;
    return read_key(rows);
  });
}

std::vector<ApiKey> PostgresApiKeyRepository::list() {
  return database_.read([&](Connection& c) {
    std::vector<ApiKey> keys;
    Rows rows =
        c.query("SELECT id, name, role, key_hash, created_at, revoked_at FROM api_keys ORDER BY created_at, id");
    while (rows.next()) keys.push_back(read_key(rows));
    return keys;
  });
}

bool PostgresApiKeyRepository::revoke(std::string_view id, domain::Timestamp at) {
  return database_.write([&](Connection& c) {
    return c.execute("UPDATE api_keys SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL", id, at) == 1;
  });
}

}  // namespace vka::store::postgres
