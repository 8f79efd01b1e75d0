#pragma once
// Versioned schema migrations compiled into the binary from src/store/migrations/<engine>/NNNN_name.sql.
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "embedded_file.hpp"

namespace vka::store {

struct Migration {
  int version = 0;   // from the file name's leading digits
  std::string name;  // the file name without ".sql", e.g. "0001_init"
  std::string_view sql;
};

// The engine's migrations among files, ordered by version. Versions must run 1, 2, 3, … without gaps or
// repeats; anything else is a packaging bug and throws StoreError(internal).
std::vector<Migration> select_migrations(std::span<const EmbeddedFile> files, std::string_view engine);

// The migrations built into this binary for an engine ("sqlite", "postgres").
std::vector<Migration> builtin_migrations(std::string_view engine);

}  // namespace vka::store
