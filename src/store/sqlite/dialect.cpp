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

std::int64_t Dialect::lock_sends(Connection&, std::string_view) {
  using namespace std::chrono;
  return duration_cast<microseconds>(system_clock::now().time_since_epoch()).count();
}

}  // namespace vka::store::sqlite
