#pragma once
// Entity tags for read responses and If-None-Match matching (weak comparison, RFC 9110 §13.1.2).
#include <optional>
#include <string>
#include <string_view>

namespace vka::http {

// A weak tag: the representation may be sent compressed or not.
std::string entity_tag(std::string_view body);
bool if_none_match_hits(std::optional<std::string_view> if_none_match, std::string_view tag);

}  // namespace vka::http
