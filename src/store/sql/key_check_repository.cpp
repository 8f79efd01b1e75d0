#include "store/sql/key_check_repository.hpp"

#include "store/postgres/database.hpp"
#include "store/sqlite/database.hpp"

namespace vka::store::sql {

template <class Database>
std::optional<std::string> KeyCheckRepositoryOn<Database>::stored() {
  return database_.read([&](auto& c) -> std::optional<std::string> {
    auto rows = c.query("SELECT check_value FROM key_check WHERE id = 1");
    if (!rows.next()) return std::nullopt;
    return rows.text(0);
  });
}

template <class Database>
std::string KeyCheckRepositoryOn<Database>::remember(const std::string& value) {
  return database_.write([&](auto& c) {
    c.execute("INSERT INTO key_check (id, check_value) VALUES (1, ?1) ON CONFLICT (id) DO NOTHING", value);
    auto rows = c.query("SELECT check_value FROM key_check WHERE id = 1");
    rows.next();
    return rows.text(0);
  });
}

template class KeyCheckRepositoryOn<sqlite::Database>;
template class KeyCheckRepositoryOn<postgres::Database>;

}  // namespace vka::store::sql
