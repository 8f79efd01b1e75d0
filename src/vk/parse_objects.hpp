#pragma once
// Internal to the parsers: one VK object each (docs/vk-api.md §4), shared by the method parsers.
#include "vk/json_reader.hpp"
#include "vk/types.hpp"

namespace vka::vk::detail {

Post parse_post(const json::value& v, const Where& where);
Comment parse_comment(const json::value& v, const Where& where);
Group parse_group(const json::value& v, const Where& where);
User parse_user(const json::value& v, const Where& where);

}  // namespace vka::vk::detail
