#include "store/sql/user_repository.hpp"

#include <algorithm>

#include "store/error.hpp"
#include "store/postgres/database.hpp"
#include "store/sqlite/database.hpp"

namespace vka::store::sql {

namespace {

constexpr int max_page = 1000;
// Booleans read as integers: a BOOLEAN on PostgreSQL, 0 or 1 on SQLite.
constexpr std::string_view select_users =
    "SELECT id, username, display_name, role, password_hash, CAST(disabled AS INTEGER), "
    "CAST(must_change_password AS INTEGER), created_at, last_login_at FROM users ";

template <class Rows>
User read_user(const Rows& row) {
  const auto role = domain::parse_role(row.text(3));
  if (!role) throw StoreError(StoreErrorKind::corrupt, "a stored user has an unknown role");
  return {row.text(0),       row.text(1),       row.text(2), *role,          row.text(4),
          row.int64(5) != 0, row.int64(6) != 0, row.time(7), row.opt_time(8)};
}

}  // namespace

template <class Database>
void UserRepositoryOn<Database>::create(const User& user) {
  database_.write([&](auto& c) {
    c.execute(
        "INSERT INTO users (id, username, display_name, role, password_hash, disabled, must_change_password, "
        "created_at, last_login_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        user.id, user.username, user.display_name, to_string(user.role), user.password_hash, user.disabled,
        user.must_change_password, user.created_at, user.last_login_at);
  });
}

template <class Database>
std::optional<User> UserRepositoryOn<Database>::get(std::string_view id) {
  return find_one("id", id);
}

template <class Database>
std::optional<User> UserRepositoryOn<Database>::find_by_username(std::string_view username) {
  return find_one("username", username);
}

template <class Database>
std::optional<User> UserRepositoryOn<Database>::find_one(std::string_view column, std::string_view value) {
  return database_.read([&](auto& c) -> std::optional<User> {
    auto rows = c.query(std::string(select_users) + "WHERE " + std::string(column) + " = ?1", value);
    if (!rows.next()) return std::nullopt;
    return read_user(rows);
  });
}

template <class Database>
UserPage UserRepositoryOn<Database>::list(const std::optional<UserCursor>& after, int limit) {
  limit = std::clamp(limit, 1, max_page);
  return database_.read([&](auto& c) {
    UserPage page;
    std::optional<domain::Timestamp> after_time;
    std::optional<std::string> after_id;
    if (after) {
      after_time = after->created_at;
      after_id = after->id;
    }
    std::string sql(select_users);
    if (after) sql += "WHERE (created_at, id) < (?1, ?2) ";
    sql += "ORDER BY created_at DESC, id DESC LIMIT ?3";
    auto rows = c.query(sql, after_time, after_id, limit + 1);
    while (rows.next()) {
      if (static_cast<int>(page.items.size()) == limit) {
        page.next = UserCursor{page.items.back().created_at, page.items.back().id};
        break;
      }
      page.items.push_back(read_user(rows));
    }
    return page;
  });
}

template <class Database>
bool UserRepositoryOn<Database>::any() {
  return database_.read([&](auto& c) { return c.query("SELECT 1 FROM users LIMIT 1").next(); });
}

template <class Database>
bool UserRepositoryOn<Database>::update(const User& user) {
  return database_.write([&](auto& c) {
    return c.execute(
               "UPDATE users SET display_name = ?2, role = ?3, password_hash = ?4, disabled = ?5, "
               "must_change_password = ?6, last_login_at = ?7 WHERE id = ?1",
               user.id, user.display_name, to_string(user.role), user.password_hash, user.disabled,
               user.must_change_password, user.last_login_at) == 1;
  });
}

template <class Database>
bool UserRepositoryOn<Database>::remove(std::string_view id) {
  return database_.write([&](auto& c) { return c.execute("DELETE FROM users WHERE id = ?1", id) == 1; });
}

template class UserRepositoryOn<sqlite::Database>;
template class UserRepositoryOn<postgres::Database>;

}  // namespace vka::store::sql
