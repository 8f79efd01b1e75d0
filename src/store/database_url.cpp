#include "store/database_url.hpp"

#include "store/error.hpp"

namespace vka::store {

namespace {
constexpr std::string_view sqlite_scheme = "sqlite://";
constexpr std::string_view postgres_schemes[] = {"postgresql://", "postgres://"};
}  // namespace

DatabaseLocation parse_database_url(std::string_view url) {
  if (url.starts_with(sqlite_scheme)) {
    const std::string_view path = url.substr(sqlite_scheme.size());
    if (path.empty()) throw StoreError(StoreErrorKind::invalid_url, "the SQLite database URL has no file path");
    if (path == ":memory:" || path.starts_with("file:"))
      throw StoreError(StoreErrorKind::invalid_url,
                       "the SQLite database URL must name a file path (in-memory and URI forms are not supported)");
    if (path.find('\0') != std::string_view::npos)
      throw StoreError(StoreErrorKind::invalid_url, "the SQLite database path contains a NUL byte");
    return SqliteLocation{std::string(path)};
  }
  for (const std::string_view scheme : postgres_schemes)
    if (url.starts_with(scheme)) return PostgresLocation{std::string(url)};
  throw StoreError(
      StoreErrorKind::invalid_url,
      "the database URL must start with sqlite:// or postgresql:// (for example sqlite://./vk-analytics.db)");
}

}  // namespace vka::store
