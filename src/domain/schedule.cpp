#include "domain/schedule.hpp"

#include <algorithm>
#include <array>
#include <charconv>

namespace vka::domain {

namespace {

struct Unit {
  char letter;
  std::int64_t seconds;
};

// Largest first, for formatting.
constexpr std::array<Unit, 4> units{{{'w', 604800}, {'d', 86400}, {'h', 3600}, {'m', 60}}};

// A year: far enough for any study, small enough that no addition to a timestamp overflows.
constexpr std::int64_t maximum_seconds = 366 * 86400;

}  // namespace

Result<std::chrono::seconds> parse_refresh_period(std::string_view text) {
  const std::string expected = "must be a whole number and a unit m, h, d or w, e.g. \"15m\", \"6h\", \"1d\"";
  if (text.size() < 2) return unexpected(expected);
  const char letter = text.back();
  const auto unit = std::find_if(units.begin(), units.end(), [&](const Unit& u) { return u.letter == letter; });
  if (unit == units.end()) return unexpected(expected);
  const std::string_view digits = text.substr(0, text.size() - 1);
  std::int64_t count = 0;
  const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), count);
  if (ec != std::errc{} || end != digits.data() + digits.size() || digits.front() == '+' || count <= 0)
    return unexpected(expected);
  if (count > maximum_seconds / unit->seconds) return unexpected(std::string("must be at most a year"));
  const std::chrono::seconds period(count * unit->seconds);
  if (period < minimum_refresh_period) return unexpected(std::string("must be at least 15 minutes (\"15m\")"));
  return period;
}

std::string format_refresh_period(std::chrono::seconds period) {
  for (const Unit& unit : units)
    if (period.count() % unit.seconds == 0) return std::to_string(period.count() / unit.seconds) + unit.letter;
  return std::to_string(period.count() / 60) + "m";
}

}  // namespace vka::domain
