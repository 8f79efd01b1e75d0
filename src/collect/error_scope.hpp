#pragma once
// The scope strings of task errors (TaskError.scope in src/api/openapi/openapi.json): "group:-42",
// "group:apiclub", "post:-1_123", "task".
#include <cstdint>
#include <string>
#include <string_view>

namespace vka::collect {

inline std::string community_scope(std::int64_t community_id) { return "group:-" + std::to_string(community_id); }
inline std::string screen_name_scope(std::string_view name) { return "group:" + std::string(name); }
inline std::string post_scope(std::int64_t owner_id, std::int64_t post_id) {
  return "post:" + std::to_string(owner_id) + "_" + std::to_string(post_id);
}
inline constexpr std::string_view task_scope = "task";

}  // namespace vka::collect
