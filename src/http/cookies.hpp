#pragma once
// Reading a cookie from the request's Cookie header fields (RFC 6265 §5.4: "name=value" pairs
// separated by "; ").
#include <optional>
#include <string_view>

#include "http/message.hpp"

namespace vka::http {

// The value of the first cookie named `name`, if any.
std::optional<std::string_view> cookie(const Request& request, std::string_view name);

}  // namespace vka::http
