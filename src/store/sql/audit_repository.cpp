#include "store/sql/audit_repository.hpp"

#include <algorithm>

#include "store/postgres/database.hpp"
#include "store/sqlite/database.hpp"

namespace vka::store::sql {

namespace {

constexpr int max_page = 1000;
constexpr std::string_view columns = "id, at, actor_type, actor_id, action, target, address, request_id, seq";

AuditEntry entry_of(const auto& rows) {
  return {rows.text(0), rows.time(1), rows.text(2), rows.text(3), rows.text(4),
          rows.text(5), rows.text(6), rows.text(7), rows.int64(8)};
}

// Only the filters in use appear, so that each combination gets its own cached statement.
// Parameters: ?1 actor, ?2 action, ?3 since, ?4 until, ?5/?6 cursor, ?7 limit.
std::string list_sql(const AuditQuery& query) {
  std::string sql =
      "SELECT " + std::string(columns) + " FROM audit_log WHERE 1 = 1";
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
    std::int64_t seq = 0;
    {
      auto rows = c.query("UPDATE audit_sequence SET last_seq = last_seq + 1 WHERE id = 1 RETURNING last_seq");
      rows.next();
      seq = rows.int64(0);
    }
    c.execute(
        "INSERT INTO audit_log (id, at, actor_type, actor_id, action, target, address, request_id, seq) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        entry.id, entry.at, entry.actor_type, entry.actor_id, entry.action, entry.target, entry.address,
        entry.request_id, seq);
    c.announce_change();
  });
}

template <class Database>
std::vector<AuditEntry> AuditRepositoryOn<Database>::after(std::int64_t after_seq, int limit) {
  return database_.read([&](auto& c) {
    std::vector<AuditEntry> entries;
    auto rows = c.query("SELECT " + std::string(columns) + " FROM audit_log WHERE seq > ?1 ORDER BY seq LIMIT ?2",
                        after_seq, std::clamp(limit, 1, max_page));
    while (rows.next()) entries.push_back(entry_of(rows));
    return entries;
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
      page.items.push_back(entry_of(rows));
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
