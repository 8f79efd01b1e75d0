#pragma once
// Reading tasks back from their rows: the column list every task query selects and its decoding.
#include <optional>
#include <string_view>

#include "domain/task.hpp"
#include "store/postgres/connection.hpp"

namespace vka::store::postgres {

// The SELECT list that read_task expects, columns of the table "tasks".
inline constexpr std::string_view task_columns =
    "id, owner, name, status, params, groups_total, groups_done, posts_found, posts_done, comments_expected, "
    "comments_collected, vk_requests, retries, eta_seconds, created_at, started_at, finished_at";

// The task at the current row, with its errors loaded through the same connection.
domain::Task read_task(Connection& connection, const Rows& row);

std::optional<domain::Task> find_task(Connection& connection, std::string_view id);

}  // namespace vka::store::postgres
