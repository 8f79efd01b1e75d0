#include <variant>

#include "store/database_url.hpp"
#include "store/postgres/postgres_store.hpp"
#include "store/sqlite/sqlite_store.hpp"
#include "store/store.hpp"

namespace vka::store {

std::unique_ptr<Store> open_store(std::string_view database_url, const StoreOptions& options) {
  const DatabaseLocation location = parse_database_url(database_url);
  if (const auto* postgres = std::get_if<PostgresLocation>(&location))
    return std::make_unique<postgres::PostgresStore>(postgres->url, options);
  return std::make_unique<sqlite::SqliteStore>(std::get<SqliteLocation>(location).path, options);
}

}  // namespace vka::store
