#pragma once
// Each route declares the query parameters it takes; a request naming any other is refused, so that a
// mistyped filter (`sentimnet=negative`) is an error instead of a silently unfiltered answer.
#include <string>
#include <string_view>
#include <vector>

namespace vka::http {

// 400 validation_failed naming the unknown parameters and the allowed ones. Parameters with an empty name
// are skipped, as QueryParams skips them; a malformed query string is left for the route to refuse.
void check_query_names(std::string_view query, const std::vector<std::string>& allowed);

}  // namespace vka::http
