#pragma once
#include <string_view>

namespace vka::store {

// A value bound as bytes (SQLite BLOB, PostgreSQL bytea) rather than text.
struct Blob {
  std::string_view bytes;
};

}  // namespace vka::store
