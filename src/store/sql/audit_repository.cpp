#include "store/sql/audit_repository.hpp"

#include <algorithm>

#include "store/postgres/database.hpp"
#include "store/sqlite/database.hpp"

namespace vka::store::sql {

namespace {

constexpr int max_page = 1000;

// Only the filters in use appear, so that each combination gets its own cached statement.
// Parameters: ?1 actor, ?2 action, ?3 since, ?4 until, ?5/?6 cursor, ?7 limit.
std::string list_sql(const AuditQuery& query) {
  std::string sql =
      "SELECT id, at, actor_type, actor_id, action, target, address, request_id FROM audit_log WHERE 1 = 1";
  if (query.actor) sql += " AND actor_id = ?1";
  if (query.action) sql += " AND action = ?2";
  if (query.since) sql += " AND at >= ?3";
  if (query.until) sql += " AND at < ?4";
  if (query.after) sql += " AND (at, id) < (?5, ?6)";
  sql += " ORDER BY at DESC, id DESC LIMIT ?7";
  return sql;
}

template <class Connection>
FailedLogins count_failures(Connection& c, std::string_view column, std::string_view value, domain::Timestamp since) {
  auto rows = c.query("SELECT COUNT(*), MIN(at) FROM audit_log WHERE action = 'auth.login_failed' AND " +
                          std::string(column) + " = ?1 AND at >= ?2",
                      value, since);
  rows.next();
  return {rows.int64(0), rows.opt_time(1)};
}

}  // namespace

template <class Database>
void AuditRepositoryOn<Database>::record(const AuditEntry& entry) {
  database_.write([&](auto& c) {
    c.execute(
        "INSERT INTO audit_log (id, at, actor_type, actor_id, action, target, address, request_id) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        entry.id, entry.at, entry.actor_type, entry.actor_id, entry.action, entry.target, entry.address,
        entry.request_id);
  });
}

template <class Database>
AuditPage AuditRepositoryOn<Database>::list(const AuditQuery& query) {
  const int limit = std::clamp(query.limit, 1, max_page);
  return database_.read([&](auto& c) {
    AuditPage page;
    std::optional<domain::Timestamp> after_at;
    std::optional<std::string> after_id;
    if (query.after) {
      after_at = query.after->at;
      after_id = query.after->id;
    }
    auto rows =
        c.query(list_sql(query), query.actor, query.action, query.since, query.until, after_at, after_id, limit + 1);
    while (rows.next()) {
      if (static_cast<int>(page.items.size()) == limit) {
        page.next = AuditCursor{page.items.back().at, page.items.back().id};
        break;
      }
      page.items.push_back({rows.text(0), rows.time(1), rows.text(2), rows.text(3), rows.text(4), rows.text(5),
                            rows.text(6), rows.text(7)});
    }
    return page;
  });
}

template <class Database>
FailedLogins AuditRepositoryOn<Database>::failed_logins_for(std::string_view username, domain::Timestamp since) {
  return database_.read([&](auto& c) { return count_failures(c, "target", username, since); });
}

template <class Database>
FailedLogins AuditRepositoryOn<Database>::failed_logins_from(std::string_view address, domain::Timestamp since) {
  return database_.read([&](auto& c) { return count_failures(c, "address", address, since); });
}

template class AuditRepositoryOn<sqlite::Database>;
template class AuditRepositoryOn<postgres::Database>;

}  // namespace vka::store::sql
