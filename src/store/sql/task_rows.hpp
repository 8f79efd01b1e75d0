#pragma once
// Reading tasks back from their rows: the column list every task query selects and its decoding. Templates
// over either engine's Connection and Rows, used inside the repositories' transactions.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/task.hpp"
#include "store/error.hpp"
#include "store/json_columns.hpp"
#include "store/sql/webhook_rows.hpp"

namespace vka::store::sql {

// The SELECT list that read_task expects, columns of the table "tasks".
inline constexpr std::string_view task_columns =
    "id, owner, name, status, params, groups_total, groups_done, posts_found, posts_done, comments_expected, "
    "comments_collected, vk_requests, retries, eta_seconds, created_at, started_at, finished_at, waiting_reason, "
    "waiting_since, schedule_every_seconds, last_refreshed_at, next_refresh_at";

inline std::vector<domain::TaskError> load_task_errors(auto& connection, std::string_view task_id) {
  std::vector<domain::TaskError> errors;
  auto rows = connection.query(
      "SELECT scope, code, vk_error_code, message, at FROM task_errors WHERE task_id = ?1 ORDER BY seq", task_id);
  while (rows.next()) {
    const auto vk_code = rows.opt_int64(2);
    errors.push_back({rows.text(0), rows.text(1),
                      vk_code ? std::optional<int>(static_cast<int>(*vk_code)) : std::nullopt, rows.text(3),
                      rows.time(4)});
  }
  return errors;
}

// The task at the current row, with its errors and webhook loaded through the same connection.
inline domain::Task read_task(auto& connection, const auto& row) {
  domain::Task task;
  task.id = row.text(0);
  task.owner = row.text(1);
  const auto status = domain::parse_task_status(row.text(3));
  if (!status) throw StoreError(StoreErrorKind::corrupt, "a stored task has an unknown status");
  task.status = *status;
  task.params = decode_task_params(row.text(4));
  task.params.name = row.opt_text(2);
  task.progress = {row.int64(5),  row.int64(6),  row.int64(7),  row.int64(8),     row.int64(9),
                   row.int64(10), row.int64(11), row.int64(12), row.opt_int64(13)};
  task.created_at = row.time(14);
  task.started_at = row.opt_time(15);
  task.finished_at = row.opt_time(16);
  if (auto reason = row.opt_text(17)) task.waiting = domain::TaskWaiting{std::move(*reason), row.time(18)};
  if (auto every = row.opt_int64(19)) task.schedule = domain::TaskSchedule{std::chrono::seconds(*every)};
  task.last_refreshed_at = row.opt_time(20);
  task.next_refresh_at = row.opt_time(21);
  task.errors = load_task_errors(connection, task.id);
  task.webhook = load_task_webhook(connection, task.id);
  return task;
}

inline std::optional<domain::Task> find_task(auto& connection, std::string_view id) {
  auto rows = connection.query("SELECT " + std::string(task_columns) + " FROM tasks WHERE id = ?1", id);
  if (!rows.next()) return std::nullopt;
  return read_task(connection, rows);
}

}  // namespace vka::store::sql
