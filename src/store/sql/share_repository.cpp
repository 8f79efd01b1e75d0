#include "store/sql/share_repository.hpp"

#include "store/postgres/database.hpp"
#include "store/sqlite/database.hpp"

namespace vka::store::sql {

template <class Database>
bool ShareRepositoryOn<Database>::add(const TaskShare& share) {
  return database_.write([&](auto& c) {
    return c.execute(
               "INSERT INTO task_shares (task_id, user_id, created_at) VALUES (?1, ?2, ?3) "
               "ON CONFLICT (task_id, user_id) DO NOTHING",
               share.task_id, share.user_id, share.created_at) == 1;
  });
}

template <class Database>
bool ShareRepositoryOn<Database>::remove(std::string_view task_id, std::string_view user_id) {
  return database_.write([&](auto& c) {
    return c.execute("DELETE FROM task_shares WHERE task_id = ?1 AND user_id = ?2", task_id, user_id) == 1;
  });
}

template <class Database>
std::vector<TaskShare> ShareRepositoryOn<Database>::list(std::string_view task_id) {
  return database_.read([&](auto& c) {
    std::vector<TaskShare> shares;
    auto rows =
        c.query("SELECT task_id, user_id, created_at FROM task_shares WHERE task_id = ?1 ORDER BY created_at, user_id",
                task_id);
    while (rows.next()) shares.push_back({rows.text(0), rows.text(1), rows.time(2)});
    return shares;
  });
}

template <class Database>
bool ShareRepositoryOn<Database>::contains(std::string_view task_id, std::string_view user_id) {
  return database_.read([&](auto& c) {
    return c.query("SELECT 1 FROM task_shares WHERE task_id = ?1 AND user_id = ?2", task_id, user_id).next();
  });
}

template class ShareRepositoryOn<sqlite::Database>;
template class ShareRepositoryOn<postgres::Database>;

}  // namespace vka::store::sql
