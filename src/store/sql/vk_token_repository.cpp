#include "store/sql/vk_token_repository.hpp"

#include <algorithm>

#include "store/error.hpp"
#include "store/postgres/database.hpp"
#include "store/sqlite/database.hpp"

namespace vka::store::sql {

namespace {

constexpr int max_page = 1000;
constexpr std::string_view columns = "id, owner, name, kind, ciphertext, masked, created_at";

template <class Rows>
VkToken read_token(const Rows& row) {
  const auto kind = parse_vk_token_kind(row.text(3));
  if (!kind) throw StoreError(StoreErrorKind::corrupt, "a stored VK token has an unknown kind");
  const std::string sealed = row.blob(4);
  return {row.text(0), row.text(1), row.text(2), *kind, {sealed.begin(), sealed.end()}, row.text(5), row.time(6)};
}

// Keyset pagination, newest first; only the filters in use appear, so each combination gets its own cached
// statement and its own index. Parameters: ?1 owner, ?2/?3 cursor, ?4 limit.
std::string list_sql(const VkTokenListQuery& query) {
  std::string sql = "SELECT " + std::string(columns) + " FROM vk_tokens WHERE 1 = 1";
  if (query.owner) sql += " AND owner = ?1";
  if (query.after) sql += " AND (created_at, id) < (?2, ?3)";
  sql += " ORDER BY created_at DESC, id DESC LIMIT ?4";
  return sql;
}

}  // namespace

template <class Database>
void VkTokenRepositoryOn<Database>::create(const VkToken& token) {
  const std::string_view sealed(reinterpret_cast<const char*>(token.ciphertext.data()), token.ciphertext.size());
  database_.write([&](auto& c) {
    c.execute(
        "INSERT INTO vk_tokens (id, owner, name, kind, ciphertext, masked, created_at) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        token.id, token.owner, token.name, to_string(token.kind), Blob{sealed}, token.masked, token.created_at);
  });
}

template <class Database>
VkTokenPage VkTokenRepositoryOn<Database>::list(const VkTokenListQuery& query) {
  const int limit = std::clamp(query.limit, 1, max_page);
  return database_.read([&](auto& c) {
    VkTokenPage page;
    std::optional<domain::Timestamp> after_time;
    std::optional<std::string> after_id;
    if (query.after) {
      after_time = query.after->created_at;
      after_id = query.after->id;
    }
    auto rows = c.query(list_sql(query), query.owner, after_time, after_id, limit + 1);
    while (rows.next()) {
      if (static_cast<int>(page.items.size()) == limit) {
        const VkToken& last = page.items.back();
        page.next = VkTokenCursor{last.created_at, last.id};
        break;
      }
      page.items.push_back(read_token(rows));
    }
    return page;
  });
}

template <class Database>
std::optional<VkToken> VkTokenRepositoryOn<Database>::get(std::string_view id) {
  return database_.read([&](auto& c) -> std::optional<VkToken> {
    auto rows = c.query("SELECT " + std::string(columns) + " FROM vk_tokens WHERE id = ?1", id);
    if (!rows.next()) return std::nullopt;
    return read_token(rows);
  });
}

template <class Database>
bool VkTokenRepositoryOn<Database>::remove(std::string_view id) {
  return database_.write([&](auto& c) { return c.execute("DELETE FROM vk_tokens WHERE id = ?1", id) > 0; });
}

template class VkTokenRepositoryOn<sqlite::Database>;
template class VkTokenRepositoryOn<postgres::Database>;

}  // namespace vka::store::sql
