#pragma once
// Checks on free text that names things (VK tokens, API keys, people).
#include <string_view>

namespace vka::api {

// UTF-8 code points; boost::json has already checked the encoding.
std::size_t count_chars(std::string_view text);
bool has_control_char(std::string_view text);

}  // namespace vka::api
