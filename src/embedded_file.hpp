#pragma once
// A file compiled into the binary by cmake/embed.cmake (migrations, dashboard assets).
#include <span>
#include <string_view>

namespace vka {
struct EmbeddedFile {
  std::string_view path;  // relative to the project root, e.g. "src/store/migrations/0001_init.sql"
  std::string_view bytes;
};
}  // namespace vka
