#include "store/sqlite/dialect.hpp"

#include <chrono>

namespace vka::store::sqlite {

std::string Dialect::search_terms(const std::vector<std::string>& stems) {
  std::string expression;
  for (const std::string& stem : stems) {
    if (stem.empty()) continue;
    if (!expression.empty()) expression += ' ';
    expression += '"';
    for (char ch : stem) {
      if (ch == '"') expression += '"';
      expression += ch;
    }
    expression += '"';
  }
  return expression;
}

std::string Dialect::json_rows(std::string_view param, const std::vector<std::string_view>& types) {
  std::string sql = "SELECT ";
  for (std::size_t i = 0; i < types.size(); ++i)
    sql += (i ? ", value->>" : "value->>") + std::to_string(i) + " AS c" + std::to_string(i);
  return sql + " FROM json_each(" + std::string(param) + ")";
}

std::string Dialect::in_json_numbers(std::string_view column, std::string_view param) {
  return std::string(column) + " IN (" + json_rows(param, {"bigint"}) + ")";
}

std::int64_t Dialect::lock_sends(Connection&, std::string_view) {
  using namespace std::chrono;
  return duration_cast<microseconds>(system_clock::now().time_since_epoch()).count();
}

}  // namespace vka::store::sqlite
