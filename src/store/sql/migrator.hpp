#pragma once
// Applies versioned migrations, each in its own transaction, and records them in schema_migrations. The
// migrations themselves are SQL files per engine (store/migrations/); the runner is shared.
#include <span>
#include <string>
#include <vector>

#include "domain/time.hpp"
#include "store/migrations.hpp"
#include "store/sql/engines.hpp"

namespace vka::store::sql {

// Creates schema_migrations if missing. Safe to run again and from several processes at once.
template <class Database>
void ensure_migrations_table(Database& database);

// Applies the migrations not yet recorded, in version order; returns the names of those it applied.
template <class Database>
std::vector<std::string> apply_migrations(Database& database, std::span<const Migration> migrations,
                                          domain::Timestamp now);

template <class Database>
bool migrations_applied(Database& database, std::span<const Migration> migrations);

}  // namespace vka::store::sql
