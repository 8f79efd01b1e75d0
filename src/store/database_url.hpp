#pragma once
// VKA_DATABASE_URL: "sqlite://PATH" or "postgresql://…" (also "postgres://…").
#include <string>
#include <string_view>
#include <variant>

namespace vka::store {

struct SqliteLocation {
  std::string path;
  bool operator==(const SqliteLocation&) const = default;
};

// The whole URL, as libpq takes it; it may hold a password, so it never goes into a message.
struct PostgresLocation {
  std::string url;
  bool operator==(const PostgresLocation&) const = default;
};

using DatabaseLocation = std::variant<SqliteLocation, PostgresLocation>;

// Throws StoreError(invalid_url) with a message that quotes no part of the URL after the scheme.
DatabaseLocation parse_database_url(std::string_view url);

}  // namespace vka::store
