#pragma once
// Batching up to 25 API calls into one `execute` request (docs/vk-api.md §4.8). The script returns one
// array element per call, in order; split_execute() (vk/parse.hpp) takes the response apart.
#include <cstddef>
#include <span>
#include <string>

#include "vk/request.hpp"

namespace vka::vk {

inline constexpr std::size_t kMaxExecuteCalls = 25;

// `return [API.wall.getComments({"owner_id":-1,"sort":"asc"}),...];`. Integer-looking values are
// written as numbers, everything else as escaped string literals. Throws std::invalid_argument for
// 0 or more than 25 calls, or a method or parameter name that is not a plain identifier.
std::string execute_code(std::span<const Request> calls);
Request execute_request(std::span<const Request> calls);

}  // namespace vka::vk
