#pragma once
// Applies versioned migrations, each in its own transaction, and records them in schema_migrations. A
// transaction-scoped advisory lock serializes migrators, so several processes may start at once.
#include <span>
#include <string>
#include <vector>

#include "domain/time.hpp"
#include "store/migrations.hpp"
#include "store/postgres/database.hpp"

namespace vka::store::postgres {

// Creates schema_migrations if missing.
void ensure_migrations_table(Database& database);
// Applies the migrations not yet recorded, in version order; returns the names of those it applied.
std::vector<std::string> apply_migrations(Database& database, std::span<const Migration> migrations,
                                          domain::Timestamp now);
bool migrations_applied(Database& database, std::span<const Migration> migrations);

}  // namespace vka::store::postgres
