#include "store/sql/session_repository.hpp"

#include "store/postgres/database.hpp"
#include "store/sqlite/database.hpp"

namespace vka::store::sql {

template <class Database>
void SessionRepositoryOn<Database>::create(const Session& session) {
  database_.write([&](auto& c) {
    c.execute(
        "INSERT INTO sessions (id_hash, user_id, created_at, last_seen_at, expires_at) VALUES (?1, ?2, ?3, ?4, ?5)",
        session.id_hash, session.user_id, session.created_at, session.last_seen_at, session.expires_at);
  });
}

template <class Database>
std::optional<Session> SessionRepositoryOn<Database>::find_live(std::string_view id_hash, domain::Timestamp now,
                                                                domain::Timestamp idle_since) {
  return database_.read([&](auto& c) -> std::optional<Session> {
    auto rows = c.query(
        "SELECT id_hash, user_id, created_at, last_seen_at, expires_at FROM sessions "
        "WHERE id_hash = ?1 AND expires_at > ?2 AND last_seen_at > ?3",
        id_hash, now, idle_since);
    if (!rows.next()) return std::nullopt;
    return Session{rows.text(0), rows.text(1), rows.time(2), rows.time(3), rows.time(4)};
  });
}

template <class Database>
void SessionRepositoryOn<Database>::touch(std::string_view id_hash, domain::Timestamp at) {
  database_.write([&](auto& c) { c.execute("UPDATE sessions SET last_seen_at = ?2 WHERE id_hash = ?1", id_hash, at); });
}

template <class Database>
bool SessionRepositoryOn<Database>::remove(std::string_view id_hash) {
  return database_.write([&](auto& c) { return c.execute("DELETE FROM sessions WHERE id_hash = ?1", id_hash) == 1; });
}

template <class Database>
int SessionRepositoryOn<Database>::remove_for_user(std::string_view user_id, std::optional<std::string_view> keep) {
  return database_.write([&](auto& c) {
    if (keep)
      return static_cast<int>(c.execute("DELETE FROM sessions WHERE user_id = ?1 AND id_hash <> ?2", user_id, *keep));
    return static_cast<int>(c.execute("DELETE FROM sessions WHERE user_id = ?1", user_id));
  });
}

template <class Database>
void SessionRepositoryOn<Database>::remove_ended(domain::Timestamp now, domain::Timestamp idle_since) {
  database_.write([&](auto& c) {
    c.execute("DELETE FROM sessions WHERE expires_at <= ?1 OR last_seen_at <= ?2", now, idle_since);
  });
}

template class SessionRepositoryOn<sqlite::Database>;
template class SessionRepositoryOn<postgres::Database>;

}  // namespace vka::store::sql
