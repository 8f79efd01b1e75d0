#pragma once
// Wall-clock instants as whole UTC seconds, and their RFC 3339 form ("2026-11-23T15:41:02Z").
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace vka::domain {

using Timestamp = std::chrono::sys_seconds;

Timestamp now();
std::string format_rfc3339(Timestamp t);
// "2026-11-23T15:41:02.123Z", for logs.
std::string format_rfc3339_millis(std::chrono::system_clock::time_point t);
// Accepts "YYYY-MM-DDTHH:MM:SS" with optional fraction and "Z" or "±HH:MM"; returns UTC.
std::optional<Timestamp> parse_rfc3339(std::string_view text);
Timestamp from_unix(std::int64_t seconds);
std::int64_t to_unix(Timestamp t);

}  // namespace vka::domain
