#include "store/postgres/dialect.hpp"

#include "store/postgres/connection.hpp"

namespace vka::store::postgres {

std::string Dialect::search_terms(const std::vector<std::string>& stems) {
  std::string terms;
  for (const std::string& stem : stems) {
    if (stem.empty()) continue;
    if (!terms.empty()) terms += ' ';
    terms += stem;
  }
  return terms;
}

std::string Dialect::json_rows(std::string_view param, const std::vector<std::string_view>& types) {
  std::string sql = "SELECT ";
  std::size_t i = 0;
  for (const std::string_view type : types) {
    if (i) sql += ", ";
    sql += "(value->>" + std::to_string(i) + ")::" + std::string(type) + " AS c" + std::to_string(i);
    ++i;
  }
  return sql + " FROM jsonb_array_elements(" + std::string(param) + "::jsonb)";
}

std::string Dialect::in_json_numbers(std::string_view column, std::string_view param) {
  return std::string(column) + " = ANY(ARRAY(" + json_rows(param, {"bigint"}) + "))";
}

void Dialect::lock_migrations(Connection& connection) {
  // Any fixed number, the same in every process of this application ("vka").
  connection.query("SELECT pg_advisory_xact_lock(7760737)");
}

bool Dialect::lock_task(Connection& connection, std::string_view task_id) {
  return connection.query("SELECT 1 FROM tasks WHERE id = ?1 FOR NO KEY UPDATE", task_id).next();
}

void Dialect::lock_post(Connection& connection, std::int64_t owner_id, std::int64_t post_id) {
  connection.query("SELECT 1 FROM posts WHERE owner_id = ?1 AND id = ?2 FOR NO KEY UPDATE", owner_id, post_id);
}

std::int64_t Dialect::lock_sends(Connection& connection, std::string_view token_key) {
  connection.query("SELECT pg_advisory_xact_lock(hashtextextended(?1, 0))", token_key);
  Rows clock = connection.query("SELECT (extract(epoch FROM clock_timestamp()) * 1000000)::bigint");
  clock.next();
  return clock.int64(0);
}

}  // namespace vka::store::postgres
