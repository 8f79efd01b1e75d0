#include <variant>

#include "store/database_url.hpp"
#include "store/error.hpp"
#include "store/sqlite/sqlite_store.hpp"
#include "store/store.hpp"

namespace vka::store {

std::unique_ptr<Store> open_store(std::string_view database_url, const StoreOptions& options) {
  const DatabaseLocation location = parse_database_url(database_url);
  if (std::holds_alternative<PostgresLocation>(location))
    throw StoreError(StoreErrorKind::unsupported,
                     "PostgreSQL support is not built yet; use a sqlite:// database URL");
  return std::make_unique<sqlite::SqliteStore>(std::get<SqliteLocation>(location).path, options);
}

}  // namespace vka::store
