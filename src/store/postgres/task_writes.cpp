#include "store/postgres/task_writes.hpp"

namespace vka::store::postgres {

bool add_task_progress(Connection& connection, std::string_view task_id, const domain::TaskProgress& delta,
                       domain::Timestamp at) {
  return connection.execute(
             "UPDATE tasks SET groups_total = groups_total + $2, groups_done = groups_done + $3, "
             "posts_found = posts_found + $4, posts_done = posts_done + $5, "
             "comments_expected = comments_expected + $6, comments_collected = comments_collected + $7, "
             "vk_requests = vk_requests + $8, retries = retries + $9, eta_seconds = COALESCE($10, eta_seconds), "
             "updated_at = $11 WHERE id = $1",
             task_id, delta.groups_total, delta.groups_done, delta.posts_found, delta.posts_done,
             delta.comments_expected, delta.comments_collected, delta.vk_requests, delta.retries, delta.eta_seconds,
             at) > 0;
}

void insert_task_error(Connection& connection, std::string_view task_id, const domain::TaskError& error) {
  connection.execute(
      "INSERT INTO task_errors (task_id, seq, scope, code, vk_error_code, message, at) "
      "SELECT $1, COALESCE(MAX(seq), 0) + 1, $2, $3, $4, $5, $6 FROM task_errors WHERE task_id = $1",
      task_id, error.scope, error.code, error.vk_error_code, error.message, error.at);
  connection.execute("UPDATE tasks SET updated_at = $2 WHERE id = $1", task_id, error.at);
}

bool insert_task_error_once(Connection& connection, std::string_view task_id, const domain::TaskError& error) {
  Rows rows = connection.query("SELECT 1 FROM task_errors WHERE task_id = $1 AND scope = $2 AND code = $3", task_id,
                               error.scope, error.code);
  if (rows.next()) return false;
  insert_task_error(connection, task_id, error);
  return true;
}

}  // namespace vka::store::postgres
