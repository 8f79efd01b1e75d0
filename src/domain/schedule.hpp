#pragma once
// A refresh schedule's period as the API writes it: a positive whole number and a unit, "15m", "6h", "1d"
// (also "90m", "2w"); at least 15 minutes. Pure.
#include <chrono>
#include <string>
#include <string_view>

#include "domain/result.hpp"

namespace vka::domain {

inline constexpr std::chrono::seconds minimum_refresh_period = std::chrono::minutes(15);

// The period, or why the text is not one (a sentence for the API's error details).
Result<std::chrono::seconds> parse_refresh_period(std::string_view text);
// The shortest exact form in the largest unit: 86400 s → "1d", 5400 s → "90m".
std::string format_refresh_period(std::chrono::seconds period);

}  // namespace vka::domain
